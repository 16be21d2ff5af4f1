/**
 * Matching text, one character for one, so an index in the matching text is an index in the
 * document: the keywords are written once, in simplified characters, and still find a document
 * written in traditional ones (seed 000 is); full-width digits, letters and colons become ASCII.
 * Only the characters the extraction rules look for are mapped; quotes keep the document's own.
 */
const TRADITIONAL =
  '階段組長員為於報時間辦領導設縣鄉鎮門單位號週個個務總結驗收發動機構宣傳處實議範內聯繫負責區書記黨團婦會開彙匯請簽臺帳帳層傳進檢查責標準應對錶電後與經過開歲這們來說將並從評決專項織資聽爲訪問題國據關級計劃稱績';
const SIMPLIFIED =
  '阶段组长员为于报时间办领导设县乡镇门单位号周个个务总结验收发动机构宣传处实议范内联系负责区书记党团妇会开汇汇请签台账账层传进检查责标准应对表电后与经过开岁这们来说将并从评决专项织资听为访问题国据关级计划称绩';

const MAP = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) MAP.set(TRADITIONAL[i] as string, SIMPLIFIED[i] as string);

function mapChar(char: string): string {
  const code = char.charCodeAt(0);
  // Full-width ASCII (０-９, Ａ-Ｚ, ：, （）) to half-width; the ideographic space to a space.
  if (code >= 0xff01 && code <= 0xff5e && !'（）'.includes(char)) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return ' ';
  return MAP.get(char) ?? char;
}

/** Same length as the input (UTF-16 units), so offsets carry over. */
export function normalizeForMatching(text: string): string {
  let out = '';
  for (const char of text) {
    const mapped = mapChar(char);
    out += mapped.length === char.length ? mapped : char;
  }
  return out;
}
