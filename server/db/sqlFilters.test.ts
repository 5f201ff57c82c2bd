// LIKE escaping and the WHERE builder, against a real SQLite database: wildcards and the escape character match only themselves.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageOf } from '../contracts/paging';
import { openDatabase, type DB } from './connection';
import { containsAny, escapeLike, Where } from './sqlFilters';

let dir: string;
let db: DB;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'showroom-filters-'));
  db = openDatabase(path.join(dir, 'db.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, n INTEGER)');
  const add = db.prepare('INSERT INTO t (id, a, b, n) VALUES (?, ?, ?, ?)');
  [
    [1, '100% wool', 'x', 1],
    [2, '100 wool', 'x', 2],
    [3, 'snake_case', 'y', 1],
    [4, 'snakeXcase', 'y', null],
    [5, 'back\\slash', 'z', 2],
    [6, 'backslash', 'BACK\\SLASH', 3],
  ].forEach((r) => add.run(...r));
});
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const ids = (w: Where) => db.prepare(`SELECT id FROM t${w.clause} ORDER BY id`).pluck().all(...w.params);

describe('escapeLike', () => {
  it('escapes %, _ and the escape character, and nothing else', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike('plain text')).toBe('plain text');
  });

  it('makes % and _ match only themselves', () => {
    expect(ids(new Where().addPart(containsAny(['a'], '0%')))).toEqual([1]);
    expect(ids(new Where().addPart(containsAny(['a'], 'e_c')))).toEqual([3]);
    expect(ids(new Where().addPart(containsAny(['a'], '%')))).toEqual([1]);
    expect(ids(new Where().addPart(containsAny(['a'], '_')))).toEqual([3]);
  });

  it('makes the escape character match only itself', () => {
    expect(ids(new Where().addPart(containsAny(['a'], 'k\\s')))).toEqual([5]);
    expect(ids(new Where().addPart(containsAny(['a'], '\\')))).toEqual([5]);
  });
});

describe('containsAny', () => {
  it('matches a substring in any of the columns, ignoring ASCII case', () => {
    const part = containsAny(['a', 'b'], 'back\\s');
    expect(part.params).toEqual(['%back\\\\s%', '%back\\\\s%']);
    expect(ids(new Where().addPart(part))).toEqual([5, 6]);
  });
});

describe('Where', () => {
  it('is empty without conditions and ANDs them with their parameters in order', () => {
    expect(new Where().clause).toBe('');
    expect(ids(new Where())).toEqual([1, 2, 3, 4, 5, 6]);
    const w = new Where().add('n = ?', 1).add('b = ?', 'y');
    expect(w.clause).toBe(' WHERE n = ? AND b = ?');
    expect(w.params).toEqual([1, 'y']);
    expect(ids(w)).toEqual([3]);
  });

  it('skips an equality whose value is undefined, and reads null as IS NULL only when asked', () => {
    expect(ids(new Where().equals('n', undefined))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(new Where().equals('n', null))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids(new Where().equals('n', null, true))).toEqual([4]);
    expect(ids(new Where().equals('n', 2).equals('b', 'z'))).toEqual([5]);
  });
});

describe('pageOf', () => {
  it('keeps `limit` rows and gives the next cursor only when there was one more row', () => {
    expect(pageOf([1, 2, 3], 2, (n) => n * 10)).toEqual({ items: [1, 2], nextCursor: 20 });
    expect(pageOf([1, 2], 2, (n) => n * 10)).toEqual({ items: [1, 2], nextCursor: null });
    expect(pageOf([], 2, (n: number) => n)).toEqual({ items: [], nextCursor: null });
  });
});
