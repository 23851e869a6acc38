"""`ingest.pulled.Pulled`: items made by threads that take the next one free, handed out in order."""

from __future__ import annotations

import threading
import time

import pytest

from costsim.ingest.pulled import Pulled


def _pulled(items, make, depth=2, threads=2, **states):
    pulled = Pulled(items, make, depth=depth, **states)
    for k in range(threads):
        pulled.add_thread(f"test-{k}")
    return pulled


def test_items_come_in_order_whichever_thread_made_them():
    def make(state, item):
        time.sleep(0.02 if item % 3 == 0 else 0)  # some items slower: threads finish out of order
        return item * item, threading.current_thread().name

    made = list(_pulled(list(range(20)), make, depth=4, threads=3))
    assert [value for value, _ in made] == [i * i for i in range(20)]
    assert len({name for _, name in made}) > 1


def test_a_slow_thread_holds_up_none_of_the_others_items():
    """With a fixed share per thread, the thread stuck on item 0 would also make items 2, 4, 6...; here
    the other thread takes every item the stuck one cannot."""
    release = threading.Event()

    def make(state, item):
        if item == 0:
            release.wait(5)
        return threading.current_thread().name

    pulled = _pulled(list(range(6)), make, depth=6, threads=2)
    deadline = time.monotonic() + 5
    while pulled._next < 6 and time.monotonic() < deadline:  # noqa: SLF001 - what the threads have taken
        time.sleep(0.01)
    release.set()
    names = list(pulled)
    assert names[0] != names[1] and set(names[1:]) == {names[1]}


def test_no_more_than_depth_items_are_taken_and_not_yet_used():
    taken, most = [], [0]
    lock = threading.Lock()

    def make(state, item):
        with lock:
            taken.append(item)
            most[0] = max(most[0], len(taken) - used[0])
        return item

    used = [0]
    pulled = _pulled(list(range(30)), make, depth=3, threads=2)
    for item in pulled:  # handed over: its room is free
        with lock:
            used[0] = item + 1
        time.sleep(0.002)
    assert most[0] == 3


def test_an_error_comes_where_its_item_would_have_and_stops_every_thread():
    def make(state, item):
        if item == 4:
            raise RuntimeError("disk gone")
        return item

    pulled = _pulled(list(range(10)), make, depth=2, threads=2)
    got = []
    with pytest.raises(RuntimeError, match="disk gone"):
        for item in pulled:
            got.append(item)
    assert got == [0, 1, 2, 3]
    assert not pulled.running


def test_each_thread_opens_and_closes_its_own_state_even_when_closed_early():
    opened, closed = [], []

    def open_state():
        state = object()
        opened.append(state)
        return state

    pulled = _pulled(list(range(50)), lambda state, item: item, depth=2, threads=2,
                     open_state=open_state, close_state=closed.append)
    assert next(iter(pulled)) == 0
    pulled.close()  # items still waiting: the threads stop, and close what they opened
    assert not pulled.running
    assert len(opened) == 2 and sorted(map(id, closed)) == sorted(map(id, opened))


def test_nothing_to_make_and_no_thread_to_make_it():
    assert list(_pulled([], lambda state, item: item)) == []
    with pytest.raises(RuntimeError, match="no thread"):
        list(Pulled([1], lambda state, item: item, depth=1))  # a caller that started no thread is a bug
