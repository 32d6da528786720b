/**
 * The words a well-formed fix (sentence-fix.ts) looks for around a removed term or link. Data, not
 * logic: widen or narrow a list here and the fixes follow. Words are in simplified Chinese; the
 * text around a hit is folded with the pack's table (traditional → simplified, full width → ASCII)
 * before it is compared, so 國內 / 業界 / 市場上 match too.
 */

export interface SentenceWords {
  /**
   * Scope words that only say where a ranking holds (国内唯一, 行业第一, 同类产品中最大): once the
   * ranking goes they qualify nothing and go with it. Longest first is not needed; the longest
   * match wins.
   */
  scopes: readonly string[];
  /**
   * What was ranked, right before a ranking word that ends its phrase (销量第一, 速度最快的): goes
   * with it. Not removed before a term that qualifies a following word (质量绝对可靠).
   */
  dimensions: readonly string[];
  /**
   * Terms that qualify the word after them (绝对领先, 100% 安全): the word after stays, so the words
   * before them stay too.
   */
  adverbs: readonly string[];
  /**
   * Words that introduced the ranking (位居, 荣登, 是): left alone before the clause's end
   * (是国内唯一。→ 是。) they go too.
   */
  copulas: readonly string[];
  /** Characters that make 是 part of another word (但是, 就是 …): then it is not a copula. */
  notCopulaBefore: string;
  /** Words before a removed modifier that own what follows it: their 的 stays (我们独家的技术 → 我们的技术). */
  possessors: readonly string[];
  /**
   * The one-character adjective a term ending in 最 qualified (史上最强 → both go); two-character
   * words that start with one of them (稳定, 强大 …) are kept.
   */
  degreeChars: string;
  degreeWords: readonly string[];
  /** Verbs that point at a link (请访问 X, 详情见 X, 下载：X); they go with it. */
  pointers: readonly string[];
  /** Politeness before a pointer; kept when the clause goes on (请前往 X 注册 → 请注册). */
  politeness: readonly string[];
  /** A verb right after a link that only says what to do there (访问 X 查看。): with it the clause points only. */
  afterLink: readonly string[];
}

export const sentenceWords: SentenceWords = {
  scopes: [
    '国内',
    '国际',
    '全国',
    '全球',
    '全网',
    '全行业',
    '行业内',
    '行业中',
    '行业',
    '业内',
    '业界',
    '圈内',
    '同行中',
    '同行',
    '同类产品中',
    '同类产品',
    '同类镜像',
    '同类软件',
    '同类服务',
    '同类应用',
    '同类中',
    '同类',
    '同级别',
    '市场上',
    '市面上',
    '全市场',
    '中国',
    '世界',
    '亚洲',
    '史上',
    '目前',
    '当前',
    '迄今',
    '领域内',
    '全省',
    '全市',
  ],
  dimensions: [
    '销量',
    '销售额',
    '排名',
    '排行',
    '市场占有率',
    '占有率',
    '市场份额',
    '份额',
    '用户量',
    '用户数',
    '下载量',
    '装机量',
    '口碑',
    '速度',
    '价格',
  ],
  adverbs: ['绝对', '100%', '百分之百', '百分百', '100％'],
  copulas: ['是', '成为', '作为', '位居', '位列', '荣登', '稳居', '堪称', '号称', '排名', '排行'],
  notCopulaBefore: '但只而于总就还可要凡若倒真像或算',
  possessors: ['我们', '我司', '我方', '本公司', '公司', '团队', '您', '你', '他们', '其', '自有', '自研'],
  degreeChars: '强大好快低高优佳全多少小长短新早久美',
  degreeWords: [
    '强大',
    '强劲',
    '大型',
    '大量',
    '好用',
    '好评',
    '快速',
    '快捷',
    '低廉',
    '低价',
    '低成本',
    '高效',
    '高性能',
    '高可用',
    '优质',
    '优惠',
    '优秀',
    '优化',
    '全面',
    '多样',
    '小巧',
    '长期',
    '新颖',
    '美观',
  ],
  pointers: [
    '详情见',
    '详情请见',
    '详情参见',
    '详细报告见',
    '详见',
    '参见',
    '参阅',
    '请见',
    '见',
    '点击',
    '访问',
    '前往',
    '登录',
    '登陆',
    '打开',
    '查看',
    '浏览',
    '移步',
    '进入',
    '关注',
    '下载',
    '获取',
    '参考',
  ],
  politeness: ['敬请', '请您', '请'],
  afterLink: ['查看详情', '了解详情', '了解更多', '查看', '获取', '了解', '下载', '咨询'],
};
