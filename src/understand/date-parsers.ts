/**
 * Date expressions chrono-node does not read on its own: a bare day of the month
 * ("off to Almaty on the 1st") and Spanish "la próxima semana" / "del 5 al 9 de
 * diciembre". Each is a chrono Parser added to a cloned chrono instance.
 */
import type { Parser, ParsingContext } from 'chrono-node';
import { daysInMonth } from './calendar.js';

/** Today in the reference time zone as [year, month 1-12, day]. */
function today(context: ParsingContext): [number, number, number] {
  const ref = context.reference;
  const local = new Date(ref.instant.getTime() + (ref.timezoneOffset ?? 0) * 60_000);
  return [local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate()];
}

/** "the 1st", "on the 15th": that day this month, or next month if it has passed. */
export const ordinalDayParser: Parser = {
  pattern: () => /(?:\bon\s+)?\bthe\s+([0-3]?\d)(?:st|nd|rd|th)\b/i,
  extract(context, match) {
    const day = Number(match[1]);
    let [year, month, now] = today(context);
    if (day < now) [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
    if (day < 1 || day > daysInMonth(year, month)) return null;
    return context.createParsingComponents({ day }).imply('month', month).imply('year', year);
  },
};

/** Spanish "(la) próxima semana", "la semana que viene": the Monday of next week, inferred. */
export const spanishNextWeekParser: Parser = {
  pattern: () => /(?:\bla\s+)?(?:pr[oó]xima\s+semana|semana\s+que\s+viene)\b/i,
  extract(context) {
    const [year, month, day] = today(context);
    const d = new Date(Date.UTC(year, month - 1, day));
    const weekday = d.getUTCDay();
    d.setUTCDate(d.getUTCDate() + (weekday === 0 ? 1 : 8 - weekday));
    return context
      .createParsingComponents()
      .imply('day', d.getUTCDate())
      .imply('month', d.getUTCMonth() + 1)
      .imply('year', d.getUTCFullYear())
      .addTag('result/relativeDate');
  },
};

const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** Spanish "del 5 al 9 de diciembre": a range inside one month, next occurrence. */
export const spanishDayRangeParser: Parser = {
  pattern: () => new RegExp(`\\bdel?\\s+(\\d{1,2})\\s+al?\\s+(\\d{1,2})\\s+de\\s+(${SPANISH_MONTHS.join('|')})\\b`, 'i'),
  extract(context, match) {
    const from = Number(match[1]);
    const to = Number(match[2]);
    const month = SPANISH_MONTHS.indexOf(match[3]!.toLowerCase()) + 1;
    const [nowYear, nowMonth, nowDay] = today(context);
    const year = month < nowMonth || (month === nowMonth && to < nowDay) ? nowYear + 1 : nowYear;
    if (from > to || to > daysInMonth(year, month)) return null;
    return context.createParsingResult(match.index ?? 0, match[0], { day: from, month, year }, { day: to, month, year });
  },
};

const ENGLISH_MONTHS = ['jan(?:uary)?', 'feb(?:ruary)?', 'mar(?:ch)?', 'apr(?:il)?', 'may', 'june?', 'july?', 'aug(?:ust)?', 'sep(?:t(?:ember)?)?', 'oct(?:ober)?', 'nov(?:ember)?', 'dec(?:ember)?'];
const RUSSIAN_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

/** The first day a part of a month can mean: early 1st, mid 11th, late or end 21st (the earliest, so reminders are not late). */
const PART_DAY: Array<[RegExp, number]> = [
  [/^(?:early|beginning|start|principios|comienzos|inicios|начале)/i, 1],
  [/^(?:mid|middle|mediados|середине)/i, 11],
  [/^(?:late|end|finales|fines|конце)/i, 21],
];

const PART_OF_MONTH = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' +
    `(?:the\\s+)?(early|beginning\\s+of|start\\s+of|mid|middle\\s+of|late|end\\s+of)[\\s-]+(?:the\\s+month\\s+of\\s+)?(${ENGLISH_MONTHS.join('|')})` +
    `|(?:a\\s+)?(principios|comienzos|inicios|mediados|finales|fines)\\s+de\\s+(${SPANISH_MONTHS.join('|')})` +
    `|(?:в\\s+)?(начале|середине|конце)\\s+(${RUSSIAN_MONTHS.join('|')})` +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);

/**
 * "late January", "mid-December", "end of December", "a finales de enero", "в конце
 * января": the first day of that part of the month, inferred, next occurrence. chrono
 * reads only the month (the 1st) or, for "end of", its last day.
 */
export const partOfMonthParser: Parser = {
  pattern: () => PART_OF_MONTH,
  extract(context, match) {
    // chrono retries a failed match one character later: a word must not go on before it.
    if (/[\p{L}\p{N}]/u.test(context.text[(match.index ?? 0) - 1] ?? ' ')) return null;
    const part = (match[1] ?? match[3] ?? match[5])!;
    const name = (match[2] ?? match[4] ?? match[6])!.toLowerCase();
    const month = match[2]
      ? ENGLISH_MONTHS.findIndex((m) => new RegExp(`^(?:${m})$`, 'i').test(name)) + 1
      : (match[4] ? SPANISH_MONTHS : RUSSIAN_MONTHS).indexOf(name) + 1;
    const day = PART_DAY.find(([re]) => re.test(part))?.[1];
    if (month < 1 || day === undefined) return null;
    const [nowYear, nowMonth] = today(context);
    const year = month < nowMonth ? nowYear + 1 : nowYear;
    return context.createParsingResult(match.index ?? 0, match[0], context.createParsingComponents({ month }).imply('day', day).imply('year', year));
  },
};
