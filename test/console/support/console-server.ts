import type { Page } from 'playwright-core';
import type { CliEnv } from '../../cli/support/cli';
import { startHarness, type Harness } from '../../service/support/service-harness';

export interface ConsoleServer extends Harness {
  /** http://127.0.0.1:PORT, where the browser finds the console. */
  url: string;
}

/** The service app on a real socket, for a real browser; its Temporal side is the test harness's. */
export async function startConsoleServer(env: CliEnv): Promise<ConsoleServer> {
  const harness = await startHarness(env);
  const url = await harness.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...harness, url };
}

/** Signs in through the page, with the credential file uploaded or its content pasted. */
export async function signInThroughPage(
  page: Page,
  url: string,
  credential: { file?: string; text?: string },
): Promise<void> {
  await page.goto(`${url}/console`);
  await page.waitForURL(/\/sign-in/);
  if (credential.file) await page.setInputFiles('input[name=credentialFile]', credential.file);
  if (credential.text) await page.fill('textarea[name=credential]', credential.text);
  await Promise.all([page.waitForURL(/\/console\/c\//), page.click('form[action="/console/sign-in"] button')]);
}
