// Every control on every screen has an accessible name, read from Chromium's own accessibility tree.
import { expect, test } from './consoleServer';

const controlRoles = new Set(['button', 'textbox', 'radio', 'checkbox', 'link', 'combobox', 'searchbox', 'slider', 'switch', 'tab', 'menuitem']);

test('no unnamed controls on any screen', async ({ page, consoleServer }) => {
  await page.goto(consoleServer.url);
  const cdp = await page.context().newCDPSession(page);
  for (const screen of ['Incidents', 'Runbooks', 'Terminal', 'Drills', 'Settings']) {
    await page.getByRole('button', { name: screen }).click();
    await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible();
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value?: string }; name?: { value?: string }; ignored?: boolean }[] };
    const controls = nodes.filter((node) => !node.ignored && controlRoles.has(String(node.role?.value)));
    expect(controls.length, `controls on ${screen}`).toBeGreaterThan(4);
    const unnamed = controls.filter((node) => !String(node.name?.value ?? '').trim());
    expect(unnamed.map((node) => node.role?.value), `unnamed controls on ${screen}`).toEqual([]);
  }
});
