"""Model names as logs write them → the names a price table may hold, most specific first.

A log may name a model with a provider or router prefix (`anthropic/claude-sonnet-4.5`,
`openrouter/…`, `projects/p/locations/l/publishers/anthropic/models/…`), an OpenRouter routing
suffix (`:thinking`, `:nitro`, `:online`, `:floor`, `:extended`, `:exacto` — the model's own price;
`:free` is a model of its own and is never stripped), a Bedrock cross-region prefix and version
(`us.anthropic.claude-…-v1:0`), a Vertex date (`claude-3-5-sonnet-v2@20241022`) or a compact date
(`gpt-5.2-20251211`). `candidates` lists the spellings to try, the name as written first;
`hosts` says which providers the name's shape points to (a Bedrock id to AWS, a Vertex path or `@`
date to Google and Vertex, a leading `groq/` to Groq), whose prices then come first.
"""

from __future__ import annotations

import re

ROUTING_SUFFIXES = ("thinking", "nitro", "online", "floor", "extended", "exacto", "beta")
_SUFFIX = re.compile(r":(" + "|".join(ROUTING_SUFFIXES) + r")$")
_REGION = re.compile(r"^(us|eu|apac|au|jp|ca|global|us-gov|regional)\.(?=[a-z])")
_BEDROCK_VERSION = re.compile(r"-v\d+(:\d+)?$|:\d+$")
_VENDOR = re.compile(r"^(anthropic|amazon|meta|mistral|cohere|ai21|deepseek|openai|qwen|writer|moonshot|moonshotai|"
                     r"zai|google|nvidia|minimax|twelvelabs)\.(?=[a-z])")
_BEDROCK = re.compile(r"^((us|eu|apac|au|jp|ca|global|us-gov)\.)?(anthropic|amazon|meta|mistral|cohere|ai21|deepseek|"
                      r"openai|qwen|writer|moonshot|moonshotai|zai|minimax|nvidia|twelvelabs)\.[a-z]")
PATH_HOSTS = {"bedrock": ("aws",), "bedrock_converse": ("aws",), "aws": ("aws",), "vertex_ai": ("vertex", "google"),
              "vertex": ("vertex", "google"), "publishers": ("vertex", "google"), "projects": ("vertex", "google"),
              "azure": ("azure",), "azure_ai": ("azure",), "openrouter": ("openrouter",), "groq": ("groq",),
              "cerebras": ("cerebras",), "together_ai": ("together",), "together": ("together",),
              "fireworks_ai": ("fireworks",), "fireworks": ("fireworks",), "gemini": ("google",), "xai": ("x-ai",),
              "dashscope": ("qwen",), "moonshot": ("moonshotai",)}
_COMPACT_DATE = re.compile(r"-(20\d\d)(\d\d)(\d\d)$")
_DASHED_DATE = re.compile(r"-(20\d\d)-(\d\d)-(\d\d)$")


def candidates(name: str) -> list[str]:
    """Spellings of `name` (lowercase) to look up, in order; each appears once."""
    out: list[str] = []

    def add(text: str) -> None:
        if text and text not in out:
            out.append(text)

    add(name)
    add(_SUFFIX.sub("", name))
    for text in list(out):  # drop path segments from the left: a/b/c -> b/c -> c
        parts = text.split("/")
        for i in range(1, len(parts)):
            add("/".join(parts[i:]))
    for text in list(out):
        if "@" in text:  # Vertex: model@20241022 or model@001
            base, _, tag = text.partition("@")
            add(f"{base}-{tag}")
            add(base)
    for text in list(out):
        add(_REGION.sub("", text))
    for text in list(out):
        add(_BEDROCK_VERSION.sub("", text))
    for text in list(out):
        add(_VENDOR.sub("", text))
    for text in list(out):
        add(_COMPACT_DATE.sub(r"-\1-\2-\3", text))
        add(_DASHED_DATE.sub(r"-\1\2\3", text))
    return out


def hosts(name: str) -> tuple[str, ...]:
    """Providers whose prices a name's shape points to, or () when it names none."""
    first = name.split("/", 1)[0] if "/" in name else ""
    if first in PATH_HOSTS:
        return PATH_HOSTS[first]
    last = name.rsplit("/", 1)[-1]
    if _BEDROCK.match(last):
        return ("aws",)
    if "@" in last:
        return ("vertex", "google")
    return ()
