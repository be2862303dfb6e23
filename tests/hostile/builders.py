"""Builders of hostile and broken captures, generated at test time (no committed blobs).

Each builder returns (file name, bytes). What the archive must do with each one (reject with a
named problem, or accept as a safe article) is data: tests/hostile/cases.yml.

Markers: every piece of injected markup carries a unique `zqx…` canary so the site test can prove
that text from captures and frontmatter ends up only as escaped text in the built HTML.
"""
from __future__ import annotations

import codecs
import struct
import zlib

# A plain article in simplified script, written for these tests (no corpus file is used).
TITLE = "村里的合作社带动群众增收致富"
PARAGRAPHS = [
    "本报讯 今年以来，县里组织工作队深入农村，帮助村民发展特色种植和养殖产业，群众收入明显提高。",
    "村党支部书记介绍说，合作社采取统一技术、统一销售的办法，让每一户都能分享到发展的成果。",
    "下一步，村里还将继续加强技能培训，引导更多劳动力转移就业，巩固脱贫攻坚成果。",
]
HANT_TITLE = "村裡的合作社帶動群眾增收致富"
HANT_PARAGRAPHS = [
    "本報訊 今年以來，縣裡組織工作隊深入農村，幫助村民發展特色種植和養殖產業，群眾收入明顯提高。",
    "村黨支部書記介紹說，合作社採取統一技術、統一銷售的辦法，讓每一戶都能分享到發展的成果。",
]


def article_text(title: str = TITLE, paragraphs: list[str] | None = None, extra: list[str] = (), hant: bool = False) -> str:
    """Title line, a date line, paragraphs (with `extra` lines in the middle), an editor credit."""
    pars = list(PARAGRAPHS if paragraphs is None else paragraphs)
    body = pars[:1] + list(extra) + pars[1:]
    frame = ("_某某日報網", "2021-05-06 來源：某某日報", "責任編輯：王五") if hant else ("_某某日报网", "2021-05-06 来源：某某日报", "责任编辑：王五")
    return "\n\n".join([title + frame[0], frame[1], *body, frame[2]]) + "\n"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 52)) + chunk(b"IEND", b"")


HTML_INJECTION = [
    "<script>zqxscript1()</script>村民说，<b onmouseover=\"zqxevent1()\">合作社</b>办得好。",
    "<iframe src=\"https://zqxiframe1.example/\"></iframe>点击<a href=\"javascript:zqxjs1()\">这里</a>了解详情。",
    "<img src=x onerror=zqxonerror1()> <svg onload=zqxsvg1()></svg> <zqxtag1 zqxattr1=\"1\">自定义标签</zqxtag1>",
    "<style>body{background:url(https://zqxstyle1.example/)}</style><meta http-equiv=\"refresh\" content=\"0;url=https://zqxmeta1.example/\">",
    "&lt;script&gt;zqxentity1()&lt;/script&gt; &#60;b&#62;实体&#60;/b&#62; </title></p></div><script>zqxclose1()</script>",
]
MARKDOWN_INJECTION = [
    "[点击领取](https://zqxlink1.example/) 和 ![图](https://zqximg1.example/a.png) 还有 <https://zqxauto1.example/>",
    "[引用链接][zqxref1]",
    "[zqxref1]: https://zqxrefdef1.example/ \"标题\"",
    "<div markdown=\"1\" class=\"zqxdivclass1\">**原始HTML块**</div>",
    "```zqxfence1",
    "print('zqxcode1')",
    "```",
    "~~~",
    "    缩进代码块 zqxindent1",
    "| 列1 | 列2 |",
    "|-----|-----|",
    "| zqxcell1 | 值 |",
    "正文有脚注[^zqxfn1]。",
    "[^zqxfn1]: 脚注内容 https://zqxfoot1.example/",
    "段落 {: .zqxattrlist1 #zqxid1 onclick=\"zqxattrjs1()\" }",
    "# 一级标题 zqxh1",
    "* 列表项 zqxlist1",
    "1. 有序 zqxol1",
    "> 引用 zqxquote1",
    "***",
    "标题下划线",
    "===",
    "www.zqxbare1.example 和 https://zqxbare2.example/path?a=1&b=2 以及 zqxmail1@example.com",
    "!!! warning \"zqxadmon1\"",
    "--8<-- \"/etc/passwd\"",
    "$$ zqxmath1 $$ :zqxemoji1: ==zqxmark1== ^^zqxins1^^ ~~zqxdel1~~",
    "<!-- zqxcomment1 --> <![CDATA[ zqxcdata1 ]]> <?php zqxpi1 ?>",
]
TEMPLATE_INJECTION = [
    "模板变量 {{ zqxtpl1 }} 和 {{ config.site_name }} 以及 {{ 7*191 }}。",
    "模板语句 {% for x in zqxtpl2 %}循环{% endfor %} {% include 'zqxtpl3.html' %} {# zqxtpl4 #}",
    "{% raw %}{{ zqxtpl5 }}{% endraw %} ${zqxtpl6} <%= zqxtpl7 %> {{{ zqxtpl8 }}}",
]
YAML_TITLE = "标题: 值 --- !!python/object/apply:os.system [zqxyaml1] &a *b {zqxyaml2: 1} # 注"
FRONTMATTER_FIRST = "---\ntitle: zqxfront1\nid: 000000000000\nraw: /etc/passwd\nsha256: zqx\n---\n"
BIDI = "\u202e"  # RIGHT-TO-LEFT OVERRIDE, never closed
CONTROL_TITLE = f"合作社{BIDI}zqxbidi1 带动增收\u200d\u200b致富"
CONTROL_LINES = [
    "村民\u202b说\u2067zqxbidi2，合作社\u200d办得\u200c好\u2060，\u2066群众\u061c满意。",
    f"{BIDI}。gnirts desrever zqxbidi3 这一行以覆盖符开头，不带结束符。",
]
EMOJI_LINES = ["村民们👍👨‍👩‍👧‍👦🇨🇳很高兴，𠀀𠀁𪚥𰻞字都保留，🀄️也在。", "增补汉字𠮷野家和𡈽𤭢都要原样显示。"]


def _pure_cjk() -> str:
    """Text with no ASCII at all (not even newlines' neighbours), so UTF-16 has almost no NUL bytes."""
    return "\u3000".join(PARAGRAPHS).replace(" ", "") + "\n" + "\n".join(PARAGRAPHS[1:]).replace(" ", "")


def _mixed_encodings() -> bytes:
    text = article_text()
    half = len(text) // 2
    return text[:half].encode("utf-8") + text[half:].encode("gb18030")


def _truncated_utf8() -> bytes:
    data = article_text().rstrip("\n").encode("utf-8") + "结".encode("utf-8")
    return data[:-1]  # the last character is cut after its second byte


def _long_line() -> bytes:
    unit = "合作社带动群众增收，" 
    return (unit * (10 * 1024 * 1024 // len(unit.encode()) + 1)).encode("utf-8")


def _many_lines() -> bytes:
    return "".join(f"第{i}行，村民增收。\n" for i in range(200_000)).encode("utf-8")


BUILDERS = {
    "empty": lambda: ("empty.txt", b""),
    "whitespace_only": lambda: ("blank.txt", " \t\r\n\n\u3000\u3000\n".encode("utf-8")),
    "png": lambda: ("image.txt", _png()),
    "png_named_png": lambda: ("image.png", _png()),
    "nul_bytes": lambda: ("nul.txt", article_text().encode("utf-8").replace("，".encode(), b"\x00", 3)),
    "single_nul": lambda: ("one-nul.txt", article_text().encode("utf-8").replace("。".encode(), b"\x00", 1)),
    "escape_sequences": lambda: ("ansi.txt", article_text(extra=["\x1b[2J\x1b[31m终端控制序列zqxansi1\x07"]).encode("utf-8")),
    "random_binary": lambda: ("random.txt", bytes((i * 167 + 13) % 256 for i in range(4096))),
    "truncated_utf8": lambda: ("truncated.txt", _truncated_utf8()),
    "mixed_encodings": lambda: ("mixed.txt", _mixed_encodings()),
    "gb18030": lambda: ("gb.txt", article_text().encode("gb18030")),
    "gb18030_non_bmp": lambda: ("gb-ext.txt", article_text(extra=EMOJI_LINES[1:]).encode("gb18030")),
    "big5": lambda: ("big5.txt", article_text(HANT_TITLE, HANT_PARAGRAPHS, hant=True).encode("big5")),
    "utf8_bom": lambda: ("bom.txt", codecs.BOM_UTF8 + article_text().encode("utf-8")),
    "utf16_le_bom": lambda: ("u16le.txt", article_text().encode("utf-16")),
    "utf16_be_bom": lambda: ("u16be.txt", codecs.BOM_UTF16_BE + article_text().encode("utf-16-be")),
    "utf16_le_no_bom": lambda: ("u16le-nobom.txt", article_text().encode("utf-16-le")),
    "utf16_be_no_bom": lambda: ("u16be-nobom.txt", article_text().encode("utf-16-be")),
    "utf16_le_no_bom_pure_cjk": lambda: ("u16le-cjk.txt", _pure_cjk().encode("utf-16-le")),
    "utf16_be_no_bom_pure_cjk": lambda: ("u16be-cjk.txt", _pure_cjk().encode("utf-16-be")),
    "utf16_odd_length": lambda: ("u16odd.txt", article_text().encode("utf-16")[:-1]),
    "long_single_line": lambda: ("long-line.txt", _long_line()),
    "long_line_under_size_limit": lambda: ("long-line-1mb.txt", _long_line()[: 1024 * 1024 // 3 * 3]),
    "many_short_lines": lambda: ("many-lines.txt", _many_lines()),
    "html_in_text": lambda: ("html-in-text.txt", article_text(extra=HTML_INJECTION).encode("utf-8")),
    "html_capture": lambda: ("page.html", (
        "<!doctype html><html><head><title>zqxhtmltitle1 &lt;script&gt;zqxhtmltitle2()&lt;/script&gt;</title>"
        "<script>zqxheadscript1()</script></head><body onload=\"zqxbody1()\"><article><h1>" + TITLE + "</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>" + "</p><p>".join(HTML_INJECTION) + "</p>"
        + "<p><a href=\"javascript:zqxhtmljs1()\">阅读原文</a><iframe src=\"https://zqxhtmliframe1.example/\"></iframe></p>"
        + "</article></body></html>").encode("utf-8")),
    "markdown_injection": lambda: ("markdown.txt", article_text(extra=MARKDOWN_INJECTION).encode("utf-8")),
    "template_syntax": lambda: ("jinja.txt", article_text("{{ zqxtpltitle1 }}{% if true %}模板标题{% endif %}", extra=TEMPLATE_INJECTION).encode("utf-8")),
    "yaml_in_title": lambda: ("yaml-title.txt", article_text(YAML_TITLE).encode("utf-8")),
    "html_in_title": lambda: ("html-title.txt", article_text("&lt;/title&gt;&lt;script&gt;zqxtitle2()&lt;/script&gt;<b>zqxtitleb1</b>").encode("utf-8")),
    "own_frontmatter": lambda: ("frontmatter.md", (FRONTMATTER_FIRST + article_text()).encode("utf-8")),
    "bidi_and_zero_width": lambda: ("bidi.txt", article_text(CONTROL_TITLE, extra=CONTROL_LINES).encode("utf-8")),
    "emoji_and_non_bmp": lambda: ("emoji.txt", article_text("𠀀字标题🎉" + TITLE, extra=EMOJI_LINES).encode("utf-8")),
    "lone_surrogate_utf8": lambda: ("surrogate.txt", article_text().encode("utf-8") + b"\xed\xa0\x80"),
    "crlf_and_cr_only": lambda: ("crlf.txt", article_text().replace("\n", "\r").encode("utf-8")),
    "unicode_line_separators": lambda: ("lsep.txt", article_text().replace("\n\n", "\u2028\u2029\x85").encode("utf-8")),
}


def build(name: str) -> tuple[str, bytes]:
    return BUILDERS[name]()
