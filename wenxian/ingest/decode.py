"""Bytes to text, recording the encoding.

Chinese captures arrive as UTF-8 (with or without BOM), UTF-16, GB18030/GBK/GB2312 or Big5.
We try the unambiguous ones strictly first and only then choose between the legacy CJK
encodings by how much real CJK text each decoding yields; a file that is none of these, or is
binary, is rejected rather than decoded into mojibake.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import DecodeError

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# Control characters other than tab, newline, carriage return, form feed; C1 controls too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Four CJK characters in a row encoded as UTF-8: GB18030 or Big5 bytes almost never form this by
# chance (about 1e-9 per position), so a file containing it is UTF-8 text, whatever else it holds.
_UTF8_CJK_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){4}")
_BLANK = " \t\r\n\x0b\x0c\u3000\xa0\u200b\ufeff\u2028\u2029\x85"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def stray_controls(text: str) -> list[tuple[int, str]]:
    """(line, 'U+XXXX') of each control character left in a decoded text."""
    return [(text.count("\n", 0, m.start()) + 1, f"U+{ord(m.group()):04X}") for m in _CONTROL.finditer(text)]


def without_controls(text: str) -> str:
    return _CONTROL.sub("", text)


def _plausible(text: str) -> bool:
    if not text.strip():
        return False
    return len(_CONTROL.findall(text)) <= max(2, len(text) // 1000)


def _accept(text: str, encoding: str, path: str, markup: bool = False) -> Decoded:
    """The decoded text, unless it is blank or holds a control character (named, with its line).
    In markup (a saved web page) stray control characters are not text anyone reads: a browser
    shows nothing for them, and content farms sprinkle them between clauses to spoil copies
    (one in a hundred characters); they are tolerated up to one in fifty, and the HTML reader
    leaves them out. More, or a NUL, mean a binary file."""
    if not text.strip(_BLANK):
        raise DecodeError(path, "empty file (only whitespace)")
    m = _CONTROL.search(text)
    if m and markup and "\x00" not in text and len(_CONTROL.findall(text)) <= max(8, len(text) // 50):
        return Decoded(text, encoding)
    if m and "\x00" not in text and len(_CONTROL.findall(text)) <= max(2, len(text) // 5000):
        # a stray backspace or C1 byte copied from a page into a long text: not a binary file;
        # the pipeline leaves it out of the article and says so (stray_controls). A NUL never is.
        return Decoded(text, encoding)
    if m:
        n, line = len(_CONTROL.findall(text)), text.count("\n", 0, m.start()) + 1
        raise DecodeError(path, f"{n} control character(s), the first U+{ord(m.group()):04X} on line {line}: "
                                "binary or corrupt, not plain text")
    return Decoded(text, encoding)


def _utf16_without_bom(data: bytes) -> list[tuple[str, str]]:
    """(encoding, text) for each byte order in which `data` is clean UTF-16 text."""
    out = []
    if len(data) % 2:
        return out
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and "\x00" not in text:
            out.append((enc, text))
    return out


# Charsets a server or MIME part may declare, by the name the decoder records: only the families
# the decoder knows (a declared ISO-8859-1 or windows-1252 "decodes" any bytes, so it proves nothing).
_DECLARED = {"utf-8": "utf-8", "utf8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030",
             "x-gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030", "big5": "big5", "x-big5": "big5",
             "cp950": "big5", "big5-hkscs": "big5hkscs", "big5hkscs": "big5hkscs"}


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, path: str = "<bytes>", declared: str | None = None, markup: bool = False) -> Decoded:
    """Decode a capture; raise DecodeError naming `path` when it is empty, binary or unreadable.
    `declared`: the charset of an HTTP Content-Type header (web-archive captures); used when the
    bytes are valid in it, before any guessing (a byte-order mark still wins). `markup`: a saved
    web page, where a few stray control characters are tolerated (see _accept)."""
    if not data.strip():
        raise DecodeError(path, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"invalid {enc} after byte-order mark: {exc.reason}") from None
            if not _plausible(text):
                raise DecodeError(path, "no readable text")
            return _accept(text.lstrip("\ufeff"), "utf-16" if enc == "utf-16" else "utf-8-sig", path, markup)
    enc = _DECLARED.get((declared or "").strip().lower())
    if enc and enc != "utf-8" and not data.isascii() and _valid_utf8(data):
        enc = None  # valid UTF-8 beyond ASCII is UTF-8 (legacy CJK bytes almost never are): a lying header
    if enc:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            pass  # the header lies: detect as for any capture
        else:
            if _plausible(text) or markup and text.strip():
                return _accept(text, enc, path, markup)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _UTF8_CJK_RUN.search(data):
            if exc.reason == "unexpected end of data" and exc.end == len(data):
                # Cut off inside the last character (scrapers truncate at a byte count): keep the
                # text and show the damage as U+FFFD rather than reject the whole capture.
                return _accept(data[: exc.start].decode("utf-8") + "\ufffd", "utf-8", path, markup)
            line = data.count(b"\n", 0, exc.start) + 1
            raise DecodeError(path, f"invalid UTF-8 at byte {exc.start} (line {line}) in a file that is otherwise "
                                    "UTF-8: mixed encodings or a corrupt file") from None
    else:
        return _accept(text, "utf-8", path, markup)
    # No BOM: UTF-16 (either byte order) competes with GB18030 and Big5 on how much common
    # Chinese text each decoding yields; pure-CJK UTF-16 has no NUL bytes to give it away.
    candidates = _utf16_without_bom(data)
    if not candidates and data.count(b"\x00") > len(data) // 4:
        raise DecodeError(path, "binary file (NUL bytes), not text")
    # Big5-HKSCS is Big5 with the characters of Cantonese and Hong Kong names (脷, 啲, 綫): a Hong
    # Kong page labelled big5 often needs it (the WHATWG "big5" decoder includes them). It is a
    # candidate only when it reads every byte: stray bytes in a Big5 page stay U+FFFD (damage
    # shown) rather than becoming rare HKSCS characters. Plain Big5 is kept when both read the
    # page alike (max keeps the first of equal scores).
    for enc in ("gb18030", "big5", "big5hkscs"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if enc == "big5hkscs":
                continue
            # A legacy page with a few stray bytes (a word pasted in UTF-8 into a Big5 page): kept
            # with U+FFFD marking each undecodable byte, only when they are rare.
            text = data.decode(enc, errors="replace")
            if text.count("\ufffd") > max(4, len(text) // 2000):
                continue
        if _plausible(text) or markup and text.strip():
            candidates.append((enc, text))
    if not candidates:
        raise DecodeError(path, "not UTF-8, UTF-16, GB18030 or Big5 text (binary or unknown encoding)")
    enc, text = max(candidates, key=lambda c: _score(c[1]) - 10 * c[1].count("\ufffd"))
    return _accept(text, enc, path, markup)


_COMMON = set("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵")


def _score(text: str) -> int:
    """Count frequent simplified or traditional characters; wrong decodings yield rare ones."""
    from ..script import to_simplified

    simp = to_simplified(text)
    return sum(1 for c in simp if c in _COMMON) - len(_CONTROL.findall(text)) * 10
