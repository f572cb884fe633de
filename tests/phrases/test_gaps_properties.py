"""Properties of the gap parser over generated bodies (hypothesis): any text parses or
is refused with GapSyntaxError, never anything else; a body written from gaps parses
back to the same gaps and text; filling never fails."""

from hypothesis import given, settings
from hypothesis import strategies as st

from phrases import gaps

ANY_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("{}|:?"), st.characters(blacklist_categories=["Cs"])),
    max_size=200,
)
# Literal text and labels as editors write them: anything but braces and the separators.
PLAIN = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="{}|"),
    max_size=40,
)
LABEL = PLAIN.map(lambda text: text.replace(":", "")).filter(lambda text: text.strip())
OPTION = LABEL


@st.composite
def gap_specs(draw):
    kind = draw(st.sampled_from(gaps.KINDS))
    optional = draw(st.booleans())
    label = draw(st.one_of(st.none(), LABEL))
    options = draw(st.lists(OPTION, min_size=2, max_size=4)) if kind == gaps.CHOICE else []
    if kind == gaps.CHOICE and label is None:
        label = "Valinta"
    return kind, optional, label, [option.strip() for option in options]


def written(spec) -> str:
    kind, optional, label, options = spec
    inner = kind + ("?" if optional else "")
    if label is not None:
        inner += ":" + "|".join([label, *options])
    return "{{" + inner + "}}"


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_any_text_parses_or_is_refused_with_a_position(body):
    try:
        parsed = gaps.parse(body)
    except gaps.GapSyntaxError as error:
        assert 1 <= error.position <= len(body)
        return
    # What parses can be shown and filled without failing.
    parsed.plain_text()
    gaps.fill(parsed, {gap.name: "x" for gap in parsed.gaps})
    gaps.missing_required(parsed, {})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PLAIN, gap_specs()), max_size=8))
def test_a_body_written_from_gaps_parses_back_to_them(pieces):
    body = "".join(piece if isinstance(piece, str) else written(piece) for piece in pieces)
    parsed = gaps.parse(body)
    specs = [piece for piece in pieces if not isinstance(piece, str)]
    assert [(gap.kind, gap.optional) for gap in parsed.gaps] == [(s[0], s[1]) for s in specs]
    for gap, (kind, _optional, label, options) in zip(parsed.gaps, specs, strict=True):
        assert gap.label == (label.strip() if label else str(gaps.DEFAULT_LABELS[kind]))
        assert list(gap.options) == options
    # The text between the gaps is kept exactly, and names are unique.
    literal = "".join(piece for piece in pieces if isinstance(piece, str))
    assert "".join(part for part in parsed.parts if isinstance(part, str)) == literal
    assert len({gap.name for gap in parsed.gaps}) == len(parsed.gaps)


@settings(max_examples=200, deadline=None)
@given(PLAIN.filter(lambda text: "  " not in text and text == text.strip()))
def test_text_without_gaps_fills_to_itself(text):
    import re

    parsed = gaps.parse(text)
    assert parsed.gaps == []
    expected = re.sub(r" +([.,;:!?])", r"\1", re.sub(r"[ \t]{2,}", " ", text)).strip()
    assert gaps.fill(parsed, {}) == expected
