"""Heading ids of article bodies never come from the heading's text (mkdocs.yml: toc slugify =
wenxian.site.body.heading_anchor): a contributor's heading 'cite' must not take over the page's
own #cite anchor, nor carry text into an attribute; and the setting keys the body cache the
same way in every process."""
from wenxian.site import body


def test_headings_get_positional_ids():
    convert = body.markdown_converter(["toc"], {"toc": {"slugify": body.heading_anchor}})
    html = convert("## cite\n\n正文。\n\n## wx-raw-text\n\n## 一、总体要求\n")
    assert 'id="_1"' in html and 'id="_2"' in html and 'id="_3"' in html
    assert 'id="cite"' not in html and 'id="wx-raw-text"' not in html


def test_the_setting_is_the_same_text_in_every_process():
    assert body._stable(body.heading_anchor) == "wenxian.site.body.heading_anchor"
    assert body._stable(3) == "3"
