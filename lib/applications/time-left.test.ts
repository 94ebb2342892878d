import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left';

const due = new Date('2026-03-11T20:59:59.999Z');
const before = (ms: number) => new Date(due.getTime() - ms);
const after = (ms: number) => new Date(due.getTime() + ms);
const MIN = 60_000;

describe('timeLeft', () => {
  it.each([
    [before(5 * 60 * MIN + 20 * MIN), false, 'осталось 5 ч 20 мин'],
    [before(26 * 60 * MIN), false, 'осталось 1 д 2 ч'],
    [before(48 * 60 * MIN), false, 'осталось 2 д'],
    [before(12 * MIN), false, 'осталось 12 мин'],
    [before(10_000), false, 'осталось 1 мин'],
    [due, false, 'осталось 1 мин'],
    [after(1), true, 'просрочено на 1 мин'],
    [after(3 * 60 * MIN + 5 * MIN), true, 'просрочено на 3 ч 5 мин'],
    [after(50 * 60 * MIN), true, 'просрочено на 2 д 2 ч'],
  ])('at %s: overdue %s, «%s»', (now, overdue, text) => {
    expect(timeLeft(due, now)).toEqual({ overdue, text });
  });
});
