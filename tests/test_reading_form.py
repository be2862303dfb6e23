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


def test_characters_are_read_in_their_simplified_form_one_for_one():
    assert reading_form("來源:新華社 記者張三/臺北報導") == "来源：新华社 记者张三／台北报导"
    assert reading_form("版權所有 掃一掃 責任編輯") == "版权所有 扫一扫 责任编辑"
    for text in ("頭髮發展", "乾隆年間", "𠀋𠀋", "English 混合 文字"):
        assert len(reading_form(text)) == len(text)
    assert reading_form("简体不变：发布时间") == "简体不变：发布时间"


def test_a_value_comes_back_from_where_it_stands_on_its_own():
    # a quotation inside a traditional comment reads like the simplified banner: the banner's
    # printing (the value alone at the line's start) is given back, not the first one met
    lines = ["回复: 《記多維博客主題討論會》", "多维博客 » 播客热潮"]
    assert restore("多维博客", [(reading_form(t), t) for t in lines]) == "多维博客"
    assert restore("多维博客", [(reading_form(t), t) for t in lines[:1]]) == "多維博客"


def test_a_traditional_capture_is_read_like_its_simplified_twin():
    simplified = ("群众增收有门路_某某网\n首页\n群众增收有门路\n发布时间：2019-06-02 来源：榆林日报 记者 张三\n"
                  "近日，绥德县召开会议，对33名退役军人进行表彰！会上，县委书记讲话，要求大家继续发扬光荣传统。\n"
                  "会议指出，退役军人是宝贵财富，各部门要做好服务保障工作，让他们有更多获得感。\n"
                  "责任编辑：李四\n版权所有 某某网 滇ICP备11000491号-1\n")
    from wenxian.script import to_traditional
    traditional = to_traditional(simplified)
    a, b = extract(simplified.encode(), "a.txt"), extract(traditional.encode(), "b.txt")
    for field in ("title", "source", "author"):
        assert b[field] == (to_traditional(a[field]) if isinstance(a[field], str) else [to_traditional(x) for x in a[field]])
    assert a["date"] == b["date"] == "2019-06-02"
    assert [r["reason"] for r in a["removed"]] == [r["reason"] for r in b["removed"]]
    assert "版權所有" not in b["body"] and "責任編輯" not in b["body"]
    for r in b["removed"]:
        assert r["text"] in traditional  # published in the capture's own characters


def test_regional_words_read_as_the_mainland_word_of_the_same_length():
    assert reading_form("來源：網路 螢幕 登入") == "来源：网络 屏幕 登录"
    # words with another mainland reading are not listed (regional_words.yml says why)
    for text in ("对口支援 建档立卡 资料来源", "台风最新资讯", "对照检视", "重点选拔", "电影片尾", "一系列印发的文件"):
        assert reading_form(text) == text
    lines = ["隨手列印", "分享到網路"]
    assert [len(reading_form(t)) for t in lines] == [len(t) for t in lines]
    art = extract("某某新聞網\n某某新聞網\n標題在這裡說明一件事情\n"
                  "記者王小明／台北報導\n".encode() + ("今天天氣很好，大家都出門走走，公園裡人很多。" * 4 + "\n").encode()
                  + "【列印】\n".encode(), "tw.txt")
    assert "列印" not in art["body"]
    assert any(r["text"] == "【列印】" for r in art["removed"])
