"""The price book a run uses: the compiled bundled tables, then each `--pricing` file on top."""

from __future__ import annotations

from pathlib import Path

from costsim.errors import UnknownModelError
from costsim.pricing.compiled import bundled_book
from costsim.pricing.prices import Discounts, PriceBook, parse_discounts, parse_table, unknown_model_message


def load_price_book(extra_files: tuple[str | Path, ...] | list = ()) -> PriceBook:
    """The bundled tables, then each `--pricing` file on top (its models replace bundled ones with the same id)."""
    book = bundled_book()
    for path in extra_files:
        for model in parse_table(Path(path)):
            book.add(model, Path(path), override=True)
        book.files.append(str(path))
        discounts = parse_discounts(Path(path))
        by_id = {}
        for name, pct in discounts.models.items():  # aliases allowed; an unknown name is an error, not ignored
            found = book.find(name)
            if found is None:
                raise UnknownModelError(f"discounts.models: {unknown_model_message(name, book._index)}", path=path)
            by_id[found.id] = pct
        book.discounts = Discounts({**book.discounts.providers, **discounts.providers},
                                   {**book.discounts.models, **by_id})
    return book
