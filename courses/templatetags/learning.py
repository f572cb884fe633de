from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from courses.lesson_html import block_html
from quizzes.models import Question
from quizzes.selectors import quiz_message_tag

register = template.Library()


@register.filter
def lookup(mapping, key):
    """{{ mapping|lookup:key }} for dicts keyed by ids."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def contains(collection, item) -> bool:
    return bool(collection) and item in collection


@register.simple_tag(takes_context=True)
def lesson_block(context, child):
    """{% include_block child %} for a lesson's body, the text blocks' HTML kept per
    process (courses/lesson_html.py)."""
    return block_html(child, context)


_CHOICE = '<label class="choice"><input type="{}" name="question-{}" value="{}"{}> {}</label>\n'


@register.simple_tag
def quiz_choice_inputs(question, chosen):
    """One quiz question's answer choices: radio buttons, or check boxes where several
    answers are right; those in `chosen` (the learner's refused answer) checked.
    Written here, not as a template loop: a quiz of ten questions has some forty
    choices, and that loop's lookups were the costliest part of a lesson page
    (`bench/learning.py --profile`)."""
    kind = "checkbox" if question.kind == Question.Kind.MULTIPLE else "radio"
    chosen = chosen or ()
    checked = mark_safe(" checked")  # noqa: S308 (a constant)
    return format_html_join(
        "",
        _CHOICE,
        (
            (kind, question.pk, choice.pk, checked if choice.pk in chosen else "", choice.text)
            for choice in question.shuffled_choices
        ),
    )


register.filter("quiz_message_tag", quiz_message_tag)
