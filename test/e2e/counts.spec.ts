// Counts on the incident screen agree with their number: "1 event", never "1 events".
import { expect, test } from './consoleServer';
import { hostApi } from './hostApi';

test('the timeline header and its verification count events in the singular and the plural', async ({ page, consoleServer }) => {
  const api = hostApi(consoleServer);
  const title = 'One event so far';
  const incident = await api.call('incidents.declare', { title, severity: 'SEV3' });
  await page.goto(consoleServer.url);
  await page.getByRole('table', { name: 'Incidents' }).getByRole('button', { name: new RegExp(title) }).click();
  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  await expect(timeline.getByText('1 event', { exact: true })).toBeVisible();
  await timeline.getByRole('button', { name: 'Verify timeline' }).click();
  await expect(timeline.getByText('✓ Hash chain intact (1 event)')).toBeVisible();
  await api.call('incidents.addNote', { incidentId: incident.id, text: 'A second one' });
  await expect(timeline.getByText('2 events', { exact: true })).toBeVisible();
});
