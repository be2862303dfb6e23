import codecs

import pytest

from wenxian.ingest.decode import decode
from wenxian.errors import DecodeError

TEXT = "新疆维吾尔自治区阿合奇县色帕巴依乡阿果依村的村民通过转移就业走上了增收脱贫的道路。"
TRAD = "新竹尖石的美樹營地賞楓，這是我們的共同天地，喜歡碧海藍天，喜歡悠閒生活。"
HK = "辯方呈堂相片，指證人在照片中伸脷、拋媚眼，又話啲相係自願影嘅，法官押後裁決。"


@pytest.mark.parametrize("data,encoding,text", [
    (TEXT.encode("utf-8"), "utf-8", TEXT),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig", TEXT),
    (TEXT.encode("utf-16"), "utf-16", TEXT),
    (TEXT.encode("gb18030"), "gb18030", TEXT),
    (TRAD.encode("big5"), "big5", TRAD),
    # a Hong Kong page: Big5 plus the HKSCS characters of Cantonese (伸脷, 啲), read without loss
    (HK.encode("big5hkscs"), "big5hkscs", HK),
])
def test_encodings_are_detected_and_recorded(data, encoding, text):
    d = decode(data, "x.txt")
    assert (d.encoding, d.text) == (encoding, text)


@pytest.mark.parametrize("data,problem", [
    (b"", "empty file"),
    (b"  \n\t\n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00", "binary file (NUL bytes), not text"),
])
def test_unreadable_input_names_the_file(data, problem):
    with pytest.raises(DecodeError) as err:
        decode(data, "bad.txt")
    assert str(err.value) == f"bad.txt: {problem}"
