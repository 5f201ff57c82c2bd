// `showroom backup` and `restore`: clear errors for a bad target or a file that is not a backup (the backup under load is backup.slow.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../../test/helpers/server';

describe('backup and restore', () => {
  it('says what is wrong with a bad target or a file that is not a backup', () => {
    const dataDir = tempDir();
    expect(runCli(['backup', path.join(dataDir, 'x.sqlite')], { dataDir }).stderr).toMatch(/There is no database at .*SHOWROOM_DATA_DIR/);
    runCli(['migrate'], { dataDir });
    const existing = path.join(dataDir, 'taken.sqlite');
    fs.writeFileSync(existing, 'x');
    expect(runCli(['backup', existing], { dataDir }).stderr).toMatch(/already exists; choose another file or add --force/);
    expect(runCli(['restore', existing], { dataDir }).stderr).toMatch(/^error: The backup .*taken\.sqlite (is not a readable SQLite database|cannot be opened|is an SQLite file but not a Showroom database)/);
    expect(runCli(['backup'], { dataDir }).stderr).toMatch(/missing required argument 'file'/);
  });
});
