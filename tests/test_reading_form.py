"""The reading form (wenxian/ingest/reading_form.py): ASCII marks beside Chinese text are read as
full-width for the rules' sake, and nothing read that way reaches the article."""
from wenxian.ingest.pipeline import extract
from wenxian.ingest.reading_form import reading_form, restore


def test_marks_beside_chinese_are_read_full_width():
    assert reading_form("来源: 新华社") == "来源： 新华社"
    assert reading_form("记者张三/北京报道") == "记者张三／北京报道"
    assert reading_form("预测(下)(10:58)") == "预测（下）(10:58)"
    assert reading_form("好!真的?") == "好！真的？"


def test_other_ascii_marks_stay():
    for text in ("12:03:10", "5,300 元", "http://www.gov.cn/a/b", "f(x) = 1", "Hello, world!", "某站 :: 首页"):
        assert reading_form(text) == text


def test_same_length_always():
    for text in ("来源:新华社(记者/张三)", "((中文)", "中:", ":中", "", "a(中)b)"):
        assert len(reading_form(text)) == len(text)


def test_values_come_back_in_the_capture_characters():
    pairs = [(reading_form(t), t) for t in ("标题:副题", "正文，有全角")]
    assert restore("标题：副题", pairs) == "标题:副题"
    # put together from two lines: the marks the capture never prints full-width go back to ASCII
    assert restore("标题：副题 其他：行", [(reading_form("标题:副题"), "标题:副题")]) == "标题:副题 其他:行"
    assert restore(None, pairs) is None


def test_article_text_and_metadata_are_the_capture_own():
    capture = ("绥德:33名退役军人被表彰_某某网\n首页\n新闻\n绥德:33名退役军人被表彰\n"
               "发布时间:2019-06-02 来源:榆林日报\n"
               "近日,绥德县召开会议,对33名退役军人进行表彰!会上,县委书记讲话,要求大家继续发扬光荣传统。\n"
               "会议指出,退役军人是宝贵财富,各部门要做好服务保障工作,让他们有更多获得感。\n")
    art = extract(capture.encode(), "a.txt")
    assert art["title"] == "绥德:33名退役军人被表彰"
    assert art["source"] == "榆林日报"
    assert art["date"] == "2019-06-02"
    assert "近日,绥德县召开会议,对33名退役军人进行表彰\\!" in art["body"]  # (Markdown-escaped)
    assert "，" not in art["body"] and "！" not in art["body"]
    for r in art["removed"]:
        assert r["text"] in capture
