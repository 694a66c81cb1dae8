// Clicks through the HeavenBase Dev UI pages in headless Chromium and checks what they show.
// Run by DevUiBrowserTest: node devui-browser-test.mjs <dev-ui base URL> <chromium path> <screenshot dir>
// playwright-core comes from the npm cache DevUiBrowser installs package-lock.json (next to this file) into (NODE_PATH);
// the browser is the system Chromium, never a downloaded one. Prints one "ok <check>" line per passed check; exits 1 on the first failed check.
import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [base, executablePath, shots] = process.argv.slice(2);
if (!base || !executablePath || !shots) {
    console.error('usage: node devui-browser-test.mjs <dev-ui base URL> <chromium path> <screenshot dir>');
    process.exit(2);
}
mkdirSync(shots, { recursive: true });
const TIMEOUT = 30000;

const profile = mkdtempSync(join(tmpdir(), 'heavenbase-chromium-'));
// The background-networking flags matter: without them Chromium's own connections are refused here and it stalls.
// A new empty profile each run (playwright passes it as --user-data-dir).
const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    timeout: 60000,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--disable-dev-shm-usage']
});

const consoleErrors = [];
let failed = false;
function check(name, condition, detail) {
    if (!condition) {
        throw new Error(`check failed: ${name}${detail === undefined ? '' : ' — got: ' + JSON.stringify(detail)}`);
    }
    console.log(`ok ${name}`);
}

async function open(page, path, component) {
    await page.goto(`${base}/${path}`, { waitUntil: 'domcontentloaded', timeout: TIMEOUT });
    const root = page.locator(component);
    await root.waitFor({ state: 'attached', timeout: TIMEOUT });
    return root;
}

// The cells of a table, row by row (header row included).
const cells = async table => table.locator('tr').evaluateAll(rows =>
    rows.map(r => Array.from(r.children).map(c => c.textContent.trim())));

const text = async locator => (await locator.innerText({ timeout: TIMEOUT })).trim();

try {
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    page.on('console', m => { if (m.type() === 'error') consoleErrors.push(m.text()); });
    page.on('pageerror', e => consoleErrors.push(String(e)));

    // --- Backends: state, connection target, rows per entity, capability matrix.
    let root = await open(page, 'quarkus-heavenbase/backends', 'qwc-heavenbase-backends');
    await root.locator('#states tr[data-backend="main"] td.state', { hasText: 'UP' }).waitFor();
    await root.locator('#states tr[data-backend="vec"] td.state', { hasText: 'UP' }).waitFor();
    check('backends: main and vec are UP', true);
    const main = root.locator('#backend-main');
    await main.waitFor();
    const mainTarget = await text(main.locator('table.target'));
    check('backends: main target shows database :memory:', /database\s+:memory:/.test(mainTarget), mainTarget);
    const mainRows = await text(main.locator('table.counts tr[data-entity="note"] td.rows'));
    check('backends: main holds 3 note rows', mainRows === '3', mainRows);
    const vecRows = await text(root.locator('#backend-vec table.counts tr[data-entity="note"] td.rows'));
    check('backends: vec holds 2 note parts (one removed by the seed)', vecRows === '2', vecRows);
    await root.locator('#states tr[data-backend="spare"] td.state', { hasText: 'INACTIVE' }).waitFor();
    const spare = root.locator('#backend-spare');
    const spareError = await text(spare.locator('qwc-heavenbase-error .message'));
    check('backends: spare is switched off and says why in full',
        spareError === "INACTIVE: inactive: backend 'spare' is switched off (heavenbase.backends.spare.active=false)",
        spareError);
    const spareTarget = await cells(spare.locator('table.target'));
    const spareText = JSON.stringify(spareTarget);
    check("backends: spare's password and URL credentials are masked",
        spareTarget.some(r => r[0] === 'password' && r[1] === '***')
        && spareTarget.some(r => r[0] === 'url' && r[1] === 'http://scott:***@127.0.0.1:9/spare')
        && !spareText.includes('tiger'), spareTarget);
    const capabilities = main.locator('details.capabilities');
    check('backends: capability matrix starts folded', !(await capabilities.locator('table').isVisible()));
    await capabilities.locator('summary').click();
    await capabilities.locator('table').waitFor({ state: 'visible' });
    const matrix = await cells(capabilities.locator('table'));
    const shortText = matrix.find(r => r[0] === 'ShortText' && r[1] === 'InlineColumn');
    check('backends: main capability matrix runs eq on ShortText InlineColumn natively',
        shortText && shortText[2].split(', ').includes('eq'), matrix.slice(0, 5));
    const vecCaps = root.locator('#backend-vec details.capabilities');
    await vecCaps.locator('summary').click();
    const vecMatrix = await cells(vecCaps.locator('table'));
    const vector = vecMatrix.find(r => r[0].startsWith('Vector') && r[1] === 'VectorIndex');
    check('backends: vec capability matrix runs near on Vector VectorIndex natively',
        vector && vector[2].split(', ').includes('near'), vecMatrix);
    await page.screenshot({ path: join(shots, 'backends.png'), fullPage: true });

    // --- Entities: every field with backend and strategy.
    root = await open(page, 'quarkus-heavenbase/entities', 'qwc-heavenbase-entities');
    await page.getByText('VectorIndex').first().waitFor();
    const grid = await text(root.locator('vaadin-grid'));
    check('entities: embedding is placed on vec with VectorIndex', grid.includes('embedding') && grid.includes('vec'),
        grid.slice(0, 400));
    await page.screenshot({ path: join(shots, 'entities.png'), fullPage: true });

    // --- Query: choose entity, type JSON, run, see rows and explain().
    root = await open(page, 'quarkus-heavenbase/query', 'qwc-heavenbase-query');
    await root.locator('#entity option[value="note"]').waitFor({ state: 'attached' });
    await root.locator('#entity').selectOption('note');
    await root.locator('#json').fill('{"filter": {"title": {"$eq": "Second note"}}, "select": ["title"]}');
    await root.locator('#run').click();
    await root.locator('#results').waitFor();
    check('query: one row found', (await text(root.locator('#row-count'))) === '1 row(s)');
    const results = await text(root.locator('#results'));
    check('query: the row is n2 "Second note"', results.includes('n2') && results.includes('Second note'), results);
    const filterStep = root.locator('#plan tr[data-node="filter"][data-field="title"]');
    const filterText = await text(filterStep);
    check('query: explain() runs the title filter natively on main',
        /\bmain\b/.test(filterText) && (await text(filterStep.locator('td.mode'))) === 'native', filterText);
    await page.screenshot({ path: join(shots, 'query.png'), fullPage: true });

    await root.locator('#json').fill('{"near": {"field": "embedding", "vector": [1, 0, 0], "top_k": 2}, "select": ["title"]}');
    await root.locator('#run').click();
    await root.locator('#plan tr[data-node="near"]').waitFor();
    const nearText = await text(root.locator('#plan tr[data-node="near"]'));
    check('query: explain() sends near to vec', /\bvec\b/.test(nearText), nearText);
    const nearRows = await text(root.locator('#results'));
    check('query: near ranks n1 first', nearRows.split('\n')[1]?.includes('n1'), nearRows);
    const modes = await root.locator('#plan td.mode').allInnerTexts();
    check('query: every explain() step says native or engine',
        modes.length > 0 && modes.every(m => m === 'native' || m === 'engine (fallback)'), modes);

    // --- Errors are shown whole, with the full text behind "Full details".
    await root.locator('#json').fill('{"filter": {"title": {"$foo": 1}}}');
    await root.locator('#run').click();
    const error = root.locator('#error');
    await error.waitFor();
    const message = await text(error.locator('.message'));
    check('query: a bad operator shows the whole ValidationException message, not cut',
        message.startsWith('ValidationException') && message.includes("unknown operator '$foo' at 'filter.title'")
        && message.endsWith('$contains'), message);
    check('query: full details start folded', !(await error.locator('pre.details').isVisible()));
    await error.locator('summary').click();
    await error.locator('pre.details').waitFor({ state: 'visible' });
    const details = await text(error.locator('pre.details'));
    check('query: full details hold the whole stack trace', details.includes('io.heavenbase.ValidationException')
        && /\n\s+at /.test(details), details.slice(0, 300));
    await page.screenshot({ path: join(shots, 'query-error.png'), fullPage: true });

    // --- Audit and repair.
    root = await open(page, 'quarkus-heavenbase/audit-and-repair', 'qwc-heavenbase-audit');
    await root.locator('#audit').click();
    await root.locator('#verdict').waitFor();
    check('audit: one issue', (await text(root.locator('#verdict'))) === 'Audit: 1 issue(s)',
        await text(root.locator('#verdict')));
    const issues = await text(root.locator('#issues'));
    check('audit: n3 has no part on vec', /missing_part\s+note\s+n3\s+vec/.test(issues), issues);
    await page.screenshot({ path: join(shots, 'audit.png'), fullPage: true });
    await root.locator('#repair').click();
    await root.locator('#verdict', { hasText: 'Repair' }).waitFor();
    check('repair: 1 fixed, 0 unresolved', (await text(root.locator('#verdict'))) === 'Repair: 1 fixed, 0 unresolved',
        await text(root.locator('#verdict')));
    check('repair: the fixed issue is n3 on vec', /missing_part\s+note\s+n3\s+vec/.test(await text(root.locator('#fixed'))));
    await page.screenshot({ path: join(shots, 'repair.png'), fullPage: true });
    await root.locator('#audit').click();
    await root.locator('#verdict', { hasText: 'Audit: consistent' }).waitFor();
    check('audit after repair: consistent', true);

    const ours = consoleErrors.filter(e => /heavenbase/i.test(e));
    check('no HeavenBase error in the browser console', ours.length === 0, ours);
} catch (e) {
    failed = true;
    console.error(String(e && e.stack || e));
    if (consoleErrors.length) {
        console.error('browser console errors:\n' + consoleErrors.join('\n'));
    }
} finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
