"""How a Report field appears in JSON: the markers a dataclass field's metadata carries, read by
jsonshape. Kept apart from jsonshape so the typed parts need nothing but these markers."""

LEAVE_OUT = {"json": None}  # not in the JSON
FLATTEN = {"flatten": True}  # the part's keys spread into its parent's
OMIT_NONE = {"omit_none": True}  # the key left out while its value is None


def json_name(name: str, **more) -> dict:
    """The field under another JSON key (e.g. `from`), with any other marker's keys."""
    return {"json": name, **more}
