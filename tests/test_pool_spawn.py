"""The classifier's worker processes under the spawn start method: started from a script run by path (as
the `costsim` command is), they decide as this process does without running that script again."""

import os
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import os
    if __name__ == "__mp_main__":  # what spawn names a main script it runs again in a worker
        open(os.environ["RAN_AGAIN"], "a").write("ran again\\n")
    if __name__ == "__main__":
        from costsim.routing.classify import make_classifier
        from costsim.routing.policy import load_policy
        from costsim.routing.pool import Remembering, _packed

        _, learned = make_classifier(load_policy(), "learned")
        classify = Remembering(learned)
        assert classify.start()
        prompts = ["rename helper_1 to util_1", "why does job 7 deadlock sometimes?"]
        classify.pool.send([_packed(prompts)])
        (answer,) = classify.pool.collect(1)
        assert [p._start_method for p, _ in classify.pool.links] == ["spawn"]
        classify.close()
        assert list(answer[0]) == [d.tier for d in learned(prompts)], answer
        print("decided", list(answer[0]))
    """
)


def test_spawned_workers_do_not_run_the_main_script_again(tmp_path):
    script = tmp_path / "main_script.py"
    script.write_text(SCRIPT)
    mark = tmp_path / "ran-again"
    env = {**os.environ, "RAN_AGAIN": str(mark), "COSTSIM_WORKERS": "2"}
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("decided")
    assert not mark.exists()


class _Step:
    """A classifier part defined, for the test, as if in the main script."""


def test_only_a_pickle_that_needs_the_main_script_keeps_its_path_for_the_workers(monkeypatch):
    import pickle

    from costsim.routing.pool import names_main_script

    assert not names_main_script(pickle.dumps({"vocab": ["__main__", "w:if __name__ == '__main__'"]}))
    assert not names_main_script(pickle.dumps({"vocab": ["rename"]}))
    monkeypatch.setattr(_Step, "__module__", "__main__")
    monkeypatch.setattr(sys.modules["__main__"], "_Step", _Step, raising=False)
    assert names_main_script(pickle.dumps([_Step()]))
