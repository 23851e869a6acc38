"""Rule-based request-complexity classifiers.

Two pure classifiers that map a coding-agent request to a routing tier
(1 = mechanical, 2 = standard implementation, 3 = complex reasoning):

* :func:`keyword_tier` -- the naive keyword rules from the source document
  (case-insensitive substring match, tier 3 checked first, then token-count
  heuristics).  Kept deliberately naive: it is the baseline the other
  classifiers are measured against.
* :func:`smart_rules_tier` -- "rules done right": judge the request's own
  words (not pasted code, logs or earlier conversation turns), and tell the
  asked action apart from the object it names.

Both return a :class:`Decision`.  No I/O happens here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = [
    "Decision",
    "KeywordRules",
    "DEFAULT_KEYWORD_RULES",
    "keyword_tier",
    "smart_rules_tier",
    "request_prose",
    "message_prose",
    "joined",
    "joined_prose",
    "new_message",
    "approx_tokens",
    "count_file_references",
]


@dataclass(frozen=True)
class Decision:
    """A routing decision.

    ``reason`` is a short human sentence (``keyword "rename" → tier 1``);
    ``confidence`` is a probability for learned classifiers (None for rules);
    ``features`` lists ``(name, contribution)`` pairs that explain the choice.
    """

    tier: int
    reason: str
    confidence: float | None = None
    features: tuple[tuple[str, float], ...] = ()


def _default_keywords() -> dict[int, tuple[str, ...]]:
    return {
        1: ("add comment", "rename", "format", "type annotation"),
        2: ("implement", "write test", "refactor"),
        3: ("architect", "debug", "security", "optimize performance"),
    }


@dataclass(frozen=True)
class KeywordRules:
    """Parameters of the naive keyword classifier (the source document's rules)."""

    keywords: dict[int, tuple[str, ...]] = field(default_factory=_default_keywords)
    short_below_tokens: int = 500
    long_above_tokens: int = 3000
    long_min_files: int = 2
    default_tier: int = 2


DEFAULT_KEYWORD_RULES = KeywordRules()

TokenCounter = Callable[[str], int]


def approx_tokens(text: str) -> int:
    """Token count approximated as ``len(text) / 4`` (rounded down)."""
    return len(text) // 4


_FILE_REF_RE = re.compile(
    r"(?<![\w/.-])((?:[\w.-]+/)*[\w-]+\.(?:py|pyi|ts|tsx|js|jsx|mjs|go|java|kt|kts|cs|rs|rb|php|"
    r"cpp|cc|cxx|hpp|h|c|swift|scala|sql|ya?ml|json|toml|ini|cfg|conf|tf|sh|md|html|css|scss|"
    r"vue|svelte|xml|gradle|proto|env|lock|txt|dockerfile))\b",
    re.IGNORECASE,
)


def count_file_references(text: str) -> int:
    """Number of distinct file names (``src/app.py``, ``values.yaml``…) mentioned."""
    return len({m.group(1).lower() for m in _FILE_REF_RE.finditer(text)})


def keyword_tier(
    prompt: str,
    rules: KeywordRules = DEFAULT_KEYWORD_RULES,
    count_tokens: TokenCounter | None = None,
) -> Decision:
    """The source document's naive routing rules.

    Keywords are case-insensitive substrings; tier 3 keywords are checked
    first, then tier 2, then tier 1 (err towards escalation).  Without a
    keyword: fewer than ``short_below_tokens`` tokens → tier 1; more than
    ``long_above_tokens`` tokens and 2+ referenced files → tier 3; otherwise
    ``default_tier``.
    """
    lowered = prompt.lower()
    for tier in sorted(rules.keywords, reverse=True):
        for kw in rules.keywords[tier]:
            if kw.lower() in lowered:
                return Decision(tier, f'keyword "{kw}" → tier {tier}', None, ((f"kw:{kw}", 1.0),))
    n_tokens = (count_tokens or approx_tokens)(prompt)
    if n_tokens < rules.short_below_tokens:
        return Decision(
            1, f"no keyword, short ({n_tokens} < {rules.short_below_tokens} tokens) → tier 1", None,
            (("tokens", float(n_tokens)),),
        )
    n_files = count_file_references(prompt)
    if n_tokens > rules.long_above_tokens and n_files >= rules.long_min_files:
        return Decision(
            3, f"no keyword, long ({n_tokens} tokens) and {n_files} files → tier 3", None,
            (("tokens", float(n_tokens)), ("files", float(n_files))),
        )
    return Decision(
        rules.default_tier, f"no keyword → default tier {rules.default_tier}", None,
        (("tokens", float(n_tokens)),),
    )


# --------------------------------------------------------------------------
# Request prose: the requester's own words
# --------------------------------------------------------------------------

# Messages are read in batches: joined into one text by JOIN (and one "\n" before the first), so each
# expression below runs once over the whole batch and never crosses from one message into the next (a fence
# stops at the NUL, a pasted line at its newline). A NUL inside a message is made a space first.
JOIN = "\n\x00\n"
# A fence (``` or ~~~) runs to its closing fence, else to the end of its message. Written greedy over
# "anything but the fence character or a NUL" (a lazy .*? is 5x slower on long pastes).
_FENCE_RE = re.compile(r"```[^`\x00]*(?:`(?!``)[^`\x00]*)*(?:```|(?=\x00)|\Z)"
                       r"|~~~[^~\x00]*(?:~(?!~~)[^~\x00]*)*(?:~~~|(?=\x00)|\Z)")
_NEW_MESSAGE_RE = re.compile(r"\[New message\]", re.IGNORECASE)
_EARLIER_RE = re.compile(r"\[Earlier in this conversation\]", re.IGNORECASE)
_INLINE_CODE_RE = re.compile(r"`[^`\n]+`")
# A pasted line: a traceback, log or error line, a table row, a diff, a shell prompt, bare JSON brackets, or
# indented code. Matched from the newline before it (a literal the engine jumps between, twice as fast as a
# multi-line ^); the group `error` marks the traceback and error lines.
_PASTED_LINE_RE = re.compile(
    r"""\n(?:[ \t]*(?:
        (?P<error>Traceback\ \(most\ recent\ call\ last\)
          | File\ "[^\n]*",\ line\ \d+
          | at\ [\w$.<>]+\([^\n]*\)
          | [\w.]*(?:Error|Exception|Panic)(?::|[ \t]*$)
          | panic:
          | goroutine\ \d+
          | E\ {3,}\S)             # pytest's error lines ("E       AssertionError: ...")
      | >\ {3,}\S               # pytest's failing source line
      | (?:_\ ){8,}             # pytest's separators
      | [\w./\\-]+\.\w+:\d+:(?:\ |$)  # "path/to/file.py:52:" location lines
      | \d{4}-\d{2}-\d{2}[T\ ]\d{2}:\d{2}
      | \[?\d{2}:\d{2}:\d{2}
      | \[(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)\]
      | (?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL)[ \t:]
      | \|                      # markdown table rows
      | [-*]\ \#\d+              # pasted PR / changelog lists
      | [{}\[\]][ \t]*$         # bare JSON brackets
      | (?:\$|>>>|\#)\x20
      | diff\ --git | @@\ | \+\+\+\ | ---\x20
    )|(?:\ {4,}|\t)\S)[^\n]*""",
    re.VERBOSE | re.MULTILINE,
)
_TRACEBACK_HEAD = "Traceback (most recent call last)"


def new_message(prompt: str) -> tuple[str, str]:
    """Split a multi-turn prompt into ``(earlier_context, new_message)``.

    Single-turn prompts return ``("", prompt)``.
    """
    parts = _NEW_MESSAGE_RE.split(prompt)
    if len(parts) < 2:
        return "", prompt
    earlier = _EARLIER_RE.sub("", "[New message]".join(parts[:-1])).strip()
    return earlier, parts[-1].strip()


def request_prose(prompt: str, mask_inline_code: bool = True, keep_earlier: bool = False) -> str:
    """The request's own words.

    Drops fenced code blocks, pasted log / traceback / table / diff lines and
    indented code; for multi-turn prompts keeps only the new message (unless
    ``keep_earlier``).  Inline ``code`` spans become the placeholder ``CODE``
    when ``mask_inline_code`` so identifiers such as ``debug_mode`` are not read
    as request words.
    """
    earlier, text = new_message(prompt)
    if keep_earlier and earlier:
        text = earlier + "\n" + text
    return message_prose(text, mask_inline_code)


def message_prose(text: str, mask_inline_code: bool = True) -> str:
    """:func:`request_prose` of one message (no turn splitting): fences, pasted log lines and indented code
    dropped, inline code masked, runs of spaces and tabs made one."""
    prose = joined_prose(joined([text]), mask_inline_code)[0]
    return re.sub(r"[ \t]+", " ", prose.replace("\x00", "")).strip()


def joined(messages: Sequence[str]) -> str:
    """The messages as one text for :func:`joined_prose`: a NUL line before each, NULs inside made spaces,
    line ends made "\\n"."""
    text = JOIN + JOIN.join(messages) + "\n"
    if text.count("\x00") != len(messages):
        text = JOIN + JOIN.join(m.replace("\x00", " ") for m in messages) + "\n"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def joined_prose(text: str, mask_inline_code: bool = True) -> tuple[str, dict[int, int], set[int]]:
    """The prose of messages made one text by :func:`joined`, still separated by its NUL lines; and by
    message number, the characters of fenced code in each message that has some, and the messages with a
    traceback or error line (fenced or not for a Python traceback, outside fences for the others)."""
    code_chars: dict[int, int] = {}
    errors: set[int] = set()
    if _TRACEBACK_HEAD in text:
        message_at = _MessageAt(text)
        at = text.find(_TRACEBACK_HEAD)
        while at >= 0:
            errors.add(message_at(at))
            at = text.find(_TRACEBACK_HEAD, at + 1)
    if "```" in text or "~~~" in text:
        pieces, last, message_at = [], 0, _MessageAt(text)
        for m in _FENCE_RE.finditer(text):
            row = message_at(m.start())
            code_chars[row] = code_chars.get(row, 0) + m.end() - m.start()
            pieces.append(text[last:m.start()])
            last = m.end()
        pieces.append(text[last:])
        text = "\n".join(pieces)
    pieces, last, message_at = [], 0, _MessageAt(text)
    for m in _PASTED_LINE_RE.finditer(text):
        if m.group("error") is not None:
            errors.add(message_at(m.start()))
        pieces.append(text[last:m.start() + 1])
        last = m.end()
    if last:
        pieces.append(text[last:])
        text = "".join(pieces)
    if mask_inline_code and "`" in text:
        text = _INLINE_CODE_RE.sub(" CODE ", text)
    return text, code_chars, errors


class _MessageAt:
    """Which message of a joined text a position is in (0-based: the NULs before it, less one), for
    positions asked in increasing order (each part of the text is counted once)."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.message = text, 0, -1

    def __call__(self, position: int) -> int:
        self.message += self.text.count("\x00", self.position, position)
        self.position = position
        return self.message


# --------------------------------------------------------------------------
# Smart rules
# --------------------------------------------------------------------------

def _rx(*alternatives: str) -> re.Pattern[str]:
    # Matched against lower-cased prose (faster than re.IGNORECASE); the inline-code
    # placeholder "CODE" is written in capitals in the patterns for readability.
    # The alternatives that start at a word boundary are grouped behind one \b: a position
    # that is not at a boundary is then passed over at once, not tried against each of them
    # (10x faster on the longest lists). The others (".gitignore", CJK words) keep their order,
    # after; they start with characters the bounded ones cannot start with, so no match moves.
    bounded = [a.removeprefix(r"\b") for a in alternatives if a.startswith(r"\b")]
    others = [f"(?:{a})" for a in alternatives if not a.startswith(r"\b")]
    group = [r"\b(?:" + "|".join(f"(?:{a})" for a in bounded) + ")"] if bounded else []
    pattern = re.compile("|".join(group + others).replace("CODE", "code"))
    _ALTERNATIVES[pattern] = alternatives
    return pattern


_ALTERNATIVES: dict[re.Pattern[str], tuple[str, ...]] = {}  # each list as written (a test checks the grouping)


# Signals that the hardest part of the answer needs inference, diagnosis or design.
_T3_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("intermittent failure", _rx(r"\bintermittent", r"\bsometimes\b", r"\boccasionally\b",
                                 r"\bevery (?:few|couple|other)\b",
                                 r"\bonce (?:a|every|per) (?:week|day|month|few)", r"\bflaky\b",
                                 r"\bnon-?deterministic",
                                 r"\brandomly\b", r"\bfrom time to time\b", r"\bnow and then\b",
                                 r"\bhappens? (?:about|roughly)\b",
                                 r"\ba few times a (?:day|week)", r"\bnot always\b", r"\bcan't reproduce",
                                 r"\bcannot reproduce",
                                 r"\bonly in prod", r"\bonly on (?:prod|ci)\b",
                                 r"\bon some (?:days|runs|requests|machines|nodes)\b", r"\bbut not (?:others|always)\b",
                                 r"\bde temps en temps\b", r"\bparfois\b", r"\ba veces\b", r"\bde vez en cuando\b",
                                 r"\bmanchmal\b",
                                 r"\bab und zu\b", r"\bgelegentlich", r"\bàs vezes\b", r"\bde vez em quando\b", r"時々",
                                 r"ときどき", r"偶尔", r"有时", r"\bin prod(?:uction)? (?:about|every|once)")),
    ("concurrency", _rx(r"\brace\b", r"\brace condition", r"\bconcurren", r"\bcontention\b", r"\bdeadlock",
                        r"\bthread[- ]safe",
                        r"\bdouble[- ](?:book|charg|spend|process|send)", r"\block-free\b", r"\batomic",
                        r"\bunder load\b",
                        r"\bduplicate(?:s|d)? (?:rows|orders|charges|emails|events|records)",
                        r"\btwo (?:rows|workers|pods|requests)",
                        r"\bout of order\b", r"\breorder", r"\bexactly[- ]once", r"\bidempoten", r"\bgunicorn workers",
                        r"\bloses? (?:items|updates|messages|writes|events|data)",
                        r"\b(?:two|both|several|multiple)\b.{0,60}\bat (?:once|the same time)\b", r"\bsimultaneous",
                        r"\b(?:on|across|behind) (?:\d+|several|multiple|many|two|three|four|six|eight)"
                        r" (?:pods|replicas|instances|nodes|servers|workers)\b",
                        r"\bbehind an? (?:load balancer|lb)\b", r"\bnegative balances?",
                        r"\blost (?:updates|writes|messages)")),
    ("performance diagnosis", _rx(r"\btail latency", r"\bp9\d\b", r"\blatency (?:spike|jump|regress)",
                                  r"\bmemory (?:grows|growth|leak|keeps)",
                                  r"\bleak", r"\bregress", r"\bquery plan", r"\bgot slower",
                                  r"\bslower (?:since|after)",
                                  r"\bheap\b", r"\bgc pause", r"\bthroughput (?:drops|dropped|collaps)", r"\boom\b",
                                  r"\bkilled\b")),
    ("design", _rx(r"\barchitecture (?:decision|review|for|of (?:our|the|this))",
                   r"\bhow (?:should|would|do) (?:we|i|you) architect", r"\bwhere do i (?:even )?start",
                   r"\bhow (?:should|would|do|can) we (?:handle|guarantee|ensure|make sure|avoid|prevent)",
                   r"\bwhat are (?:the|our) options", r"\bwhich (?:approach|option|one) ",
                   r"\bdesign (?:the|a|an|our)\b", r"\bsystem design", r"\btrade-?offs?\b",
                   r"\bshould we (?:use|move|split|switch|go)",
                   r"\bhow (?:should|would) (?:we|you|i) (?:design|structure|architect|model|make)",
                   r"\bshould (?:we|i)\b[^?.]{0,120}\bor\b",
                   r"\bmonolith", r"\b(?:mono|poly)-?repo or\b", r"\bwhich (?:\w+ )?would you\b", r"\bservice boundar",
                   r"\bwhat'?s wrong with the design",
                   r"\bmulti-?region", r"\bshard", r"\bsync protocol", r"\bconflict resolution",
                   r"\beventual(?:ly)? consisten",
                   r"\bconsistency\b", r"\breconcile", r"\bscale (?:to|this)\b",
                   r"\bmigrat\w* (?:from|to) (?:a )?(?:monolith|microservice)")),
    ("security review", _rx(r"\bsecurity review",
                            r"\breview (?:this|the|our)? ?(?:\w+ )?(?:for|from a) (?:security|vulnerab)",
                            r"\bvulnerabilit", r"\bthreat model", r"\bsecurity audit",
                            r"\baudit (?:this|the|our) (?!log)", r"\battack surface", r"\bpentest",
                            r"\bexploitable", r"\bis (?:this|it) (?:safe|secure)\b")),
    ("zero-downtime change", _rx(r"\bzero[- ]downtime", r"\bwithout downtime", r"\bcan'?t take (?:any )?downtime",
                                 r"\bno downtime",
                                 r"\b(?:several|four|five|three|multiple|many)"
                                 r" (?:other )?services (?:read|consume|use|depend)",
                                 r"\bdebezium\b", r"\bcdc\b", r"\bisolation level", r"\bpool sizes?\b.*\bpods?\b")),
    ("root cause unknown", _rx(r"\bwhy (?:does|do|is|are|would|did) (?:this|it|the|our|some)\b"
                               r".*\b(?:lose|lost|hang|stall|drop|duplicate|differ|disagree|slow)",
                               r"\bdisagree\b", r"\bdoesn'?t add up", r"\bmismatch", r"\bhangs?\b", r"\bstalls?\b",
                               r"\bgoes up for a few days", r"\bkeeps going up", r"\bcorrupt", r"\bclimbs?\b",
                               r"\bdropped from\b", r"\bhammer",
                               r"\bbarely better", r"\boffline but\b",
                               r"\bworks (?:locally|in staging|on my machine) but",
                               r"\bpass(?:es)? (?:fine )?locally\b", r"\bdiffers? from\b",
                               r"\bse bloquent\b", r"\bse bloque\b", r"\bse cuelga", r"\bhängt\b", r"\btrava\b",
                               r"\bwhat'?s going on\b",
                               r"\bfalls over\b", r"\bcharged twice", r"\bhappened to (?:a few|several)",
                               r"\bwalk me through what",
                               r"\bdrop (?:a few|some|hundreds)", r"\bhalf the time", r"\bonly fails",
                               r"\bpasses alone", r"\bworth it\b",
                               r"\s(?:vs\.?|versus)\s", r"\bwhich and why", r"\breview (?:this|the|our) architecture",
                               r"\bsecurity (?:problems|issues|holes)",
                               r"\bpropose (?:a|the) (?:target )?design", r"\bthundering herd", r"\bspikes?\b",
                               r"\bstale\b", r"\bold data\b")),
)

# Tier-2 work: implement from a spec, tests, refactors, visible-cause fixes,
# renames that need compatibility shims, ports, named security fixes.
_T2_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("implement", _rx(r"\bimplement",
                      r"\bwrite (?:a|an|the)? ?(?:\w+ )?"
                      r"(?:function|method|class|endpoint|script|handler|parser|cli|hook|component|query)",
                      r"^\s*write CODE", r"\bcrud\b", r"\bendpoints?\b", r"\bbuild (?:a|an)\b",
                      r"\bcreate (?:a|an) (?:\w+ )?(?:function|endpoint|class|component|service)")),
    ("tests", _rx(r"\b(?:write|add)\b.{0,30}\btests?\b(?! names?)", r"\bunit tests?\b", r"\btest suite",
                  r"\bregression tests?\b")),
    ("refactor", _rx(r"\brefactor", r"\bextract (?:a|the)\b", r"\bsplit (?:this|the) (?:function|class|module)")),
    ("bug fix", _rx(r"\bfix (?:the|this) (?:bug|error|crash|exception)", r"\bcrash", r"\berror\b", r"\bexception\b",
                    r"\bfails?\b",
                    r"\bdebug (?:this|it)\b", r"\bwrong (?:result|total|value|output)", r"\boff[- ]by[- ]one",
                    r"\bdivision by zero")),
    ("compatibility shim", _rx(r"\bdeprecat", r"\balias\b", r"\bold (?:mobile )?clients", r"\bbackward",
                               r"\bother teams import",
                               r"\bkeep \w+ working", r"\baccept either", r"\bmaintenance window",
                               r"\bmigration (?:script|file)")),
    ("port", _rx(r"\bport (?:this|it|the)\b", r"\b(?:rewrite|translate) (?:this|it)\b.{0,30}; ", r"\buse \S+ and \S+",
                 r"\bmap the (?:libraries|flags)")),
    ("standard security fix", _rx(r"\bsql injection", r"\bparameteri[sz]", r"\bbcrypt", r"\bsecurity headers",
                                  r"\bcsrf", r"\bescape\b")),
    ("textbook optimisation", _rx(r"\boptimi[sz]e", r"\bpaginat", r"\bnested loop", r"\bn\+1\b", r"\badd an? index")),
)

# Mechanical actions: tier 1 unless a tier-2/3 signal says otherwise.
_T1_ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment/docstring", _rx(r"\b(?:add|write|update|put|sprinkle)\b.{0,40}"
                              r"\b(?:comments?|docstrings?|jsdoc|javadoc|kdoc|doc ?comments?)\b",
                              r"\bdocstrings?\b", r"\bdocument (?:the|these|this|each|every|all)\b",
                              r"\bdoc comments\b", r"\bcaption\b",
                              r"\bdocstrings?\b", r"\bkommentar", r"\bcoment[aá]rio", r"\bcommentaire", r"注释",
                              r"コメント")),
    ("rename", _rx(r"\brename\b", r"\bumbenenn", r"\bchange (?:the )?(?:name|path)\b", r"\breplace every\b",
                   r"\bupdate the import", r"\bbenenne\b", r"\brenomm",
                   r"\brenombr", r"\brenome", r"重命名", r"名前を")),
    ("formatting", _rx(r"\bre-?format", r"\bformat (?:this|the|these)\b", r"\bindent", r"\bsort (?:the|these) imports",
                       r"\blint", r"\bfmt\b", r"-format\b",
                       r"\bprettier\b", r"\bblack\b", r"\balphabetical", r"\bconsistent\b", r"\bmoderni[sz]e",
                       r"\bheading levels", r"\bquote (?:the|every)",
                       r"\bshebang", r"\bbadges?\b", r"\balt text", r"\baria-", r"\blabels? (?:to|everywhere)\b",
                       r"\bformatier", r"\bformate", r"\buniform\b", r"\bmarkdown (?:sections|table)", r"\breadable\b",
                       r"\buppercase", r"\blowercase", r"\bbreak this into lines", r"统一", r"統一", r"格式化",
                       r"\bwrap (?:the )?lines")),
    ("typo/string edit", _rx(r"\btypos?\b", r"\bspell-?check", r"\bspelling\b", r"\bwording\b", r"\bcorrect \"",
                             r"\bfix \"", r"\bcopyright\b", r"\bfaute", r"\btippfehler", r"\berrata", r"ortograf",
                             r"コミット", r"提交信息", r"\bchange the (?:text|label|message|string|copy)")),
    ("type annotations", _rx(r"\btype (?:hints?|annotations?)\b", r"\btype the (?:params|parameters|arguments|fields)",
                             r"\bannotat", r"\btyp-?hinweise", r"\btypage", r"型")),
    ("config value edit", _rx(r"\bset \S+ (?:to|=)\b", r"\bchange (?:every|all|the)\b.{0,40}\bto\b",
                              r"\bturn \w+ (?:off|on)\b", r"\bbump\b", r"\bupdate the version",
                            r"\bchange \S+ to \S+", r"\bconfig change", r"\bto the environment\b",
                            r"\bextract these (?:numbers|values|strings) into constants",
                            r"\bconvert (?:this|these) \w+ to \w+", r"\bstrip out\b",
                            r"\bupgrade .{0,30} to (?:the latest|\d)", r"\bturn off\b", r"\bfix these imports",
                            r"\binstead of \d+",
                            r"\bconvert to\b", r"\bconvert (?:these|the|all|every)\b.{0,40}\bto\b",
                            r"\bstrip (?:the|all|out)?\b.{0,30}\b(?:lines|statements|calls|prints)\b",
                            r"\bdon'?t (?:fix|change) anything\b", r"\bno need to fix\b", r"\bbyte-for-byte\b",
                            r"\bredact",
                            r"\b(?:put|paste|wrap) (?:this|it)\b.{0,40}\b(?:into|in) (?:a|our|the)\b.{0,20}\btemplate",
                            r"\bturn this .{0,30} into\b", r"\bconverte\b", r"\bbad name\b",
                            r"\bremove (?:the|my|all|these)? ?(?:debug|print|console)")),
    ("translation", _rx(r"\btranslat",
                        r"\b(?:italian|german|french|spanish|japanese|portuguese|chinese|polish|dutch|korean|swedish)"
                        r" version",
                        r"\bone-to-one\b", r"\bkeep the same names", r"\blocale file", r"\btradu", r"\bübersetz",
                        r"翻译", r"翻訳")),
    ("summary text", _rx(r"\bcommit (?:message|subject)", r"\bpostmortem summary", r"\bchangelog", r"\brelease notes",
                         r"\bsummari[sz]e (?:this|these|the)",
                          r"\bpr description", r"\bsummary (?:of|for) (?:the|this)")),
    ("boilerplate", _rx(r"\.\w*ignore\b", r"\blicen[cs]e header", r"\bboilerplate", r"\bbasic dockerfile",
                        r"\bremove (?:the )?unused", r"\bname (?:the|these)\b.{0,20}\btests",
                        r"\btest (?:function )?names", r"\bscaffold", r"\bstub\b",
                        r"\bissue template",
                        r"\b(?:struct|dataclass|interface|model|class) (?:with|deriving)\b.{0,60}\bfields?\b",
                        r"\bstruct with json tags",
                        r"\bunused\b", r"\benum\b", r"\bskeleton\b", r"\bdata ?class (?:called|with|for)",
                        r"\bclass with (?:fromjson|these fields)",
                        r"\bheader .{0,40}to the top\b", r"\b(?:add|with) \w+ and \w+ tags\b", r"\bderive\(",
                        r"\b(?:descriptive|better|clearer) names", r"\bnames for these", r"\bjust the names\b",
                        r"\bmermaid\b", r"\bdraft the (?:slack|email|message)", r"\bhelp texts?\b",
                        r"\bpostmortem summary", r"\b(?:record|struct|typeddict) (?:called )?CODE", r"\bbarrel file",
                        r"\bminimal CODE template",
                        r"\bnamed constants", r"\b(?:convert|change|switch|rewrite|replace|use)\b.{0,60}\bf-strings\b",
                        r"\btemplate literals", r"\brewrite these imports", r"\badr\b", r"\bpr title",
                        r"\boptimi[sz]e (?:the )?imports?")),
)


_CONCURRENT_CODE_RE = re.compile(
    r"\bthreading\b|\bThread\(|\bsynchronized\b|\bgo func\b|\bsync\.Mutex\b|\bgoroutines?\b|\bstd::thread\b|"
    r"\bpthread_|\bExecutorService\b|\bmultiprocessing\b")


def _first_match(signals: tuple[tuple[str, re.Pattern[str]], ...], text: str) -> tuple[str, str] | None:
    for name, rx in signals:
        m = rx.search(text)
        if m:
            return name, m.group(0).strip()
    return None


def smart_rules_tier(prompt: str, *, _prose: tuple[str, str] | None = None) -> Decision:
    """Keyword rules done right.

    * Only the request's own words count: fenced code, pasted logs and
      tracebacks, tables, diffs and inline code spans are removed first
      (``logger.debug`` or ``fromisoformat`` in a paste do not count).
    * Multi-turn prompts are judged by the new message.
    * Signals describe what must be *done*: intermittent / concurrent /
      cross-component symptoms, diagnosis, design, reviews → tier 3, even when
      the asked action is mechanical ("add a comment explaining why this stack
      loses items under contention").  A mechanical action on an object with a
      scary name ("fix the typo in the security banner") stays tier 1.
    * Length of a paste is not evidence by itself.
    """
    if _prose is None:  # (earlier turns, request prose) may be passed in by the featurizer
        earlier, _ = new_message(prompt)
        prose = request_prose(prompt)
    else:
        earlier, prose = _prose
    prose = prose.lower()
    multi = " (new message)" if earlier else ""

    hit1 = _first_match(_T1_ACTIONS, prose)
    if hit1 and (hit1[0] == "summary text" or (earlier and hit1[0] == "comment/docstring" and "?" not in prose)):
        # Writing up analysis that already happened (commit message, postmortem
        # summary, a comment summarising an earlier explanation) is mechanical.
        name, text = hit1
        return Decision(1, f'mechanical follow-up "{text}"{multi} → tier 1', None, ((f"t1:{name}", 1.0),))
    hit3 = _first_match(_T3_SIGNALS, prose)
    if hit3:
        name, text = hit3
        return Decision(3, f'{name} signal "{text}"{multi} → tier 3', None, ((f"t3:{name}", 1.0),))
    hit2 = _first_match(_T2_SIGNALS, prose)
    if ((hit2 and hit2[0] == "port" or hit1 and hit1[0] == "translation")
            and _CONCURRENT_CODE_RE.search(new_message(prompt)[1])):
        # A port of threaded code must preserve semantics the source got implicitly (GIL, memory model).
        return Decision(3, f"port of concurrent code{multi} → tier 3", None, (("t3:concurrent port", 1.0),))
    if hit1 and (hit1[0] == "boilerplate" or not hit2
                 or hit2 and hit2[0] not in {"compatibility shim", "tests", "implement", "port"}):
        name, text = hit1
        return Decision(1, f'mechanical action "{text}"{multi} → tier 1', None, ((f"t1:{name}", 1.0),))
    if hit2:
        name, text = hit2
        return Decision(2, f'{name} signal "{text}"{multi} → tier 2', None, ((f"t2:{name}", 1.0),))
    return Decision(2, f"no clear signal{multi} → default tier 2", None, (("default", 1.0),))
