import { html, type Html } from '../html';
import { t } from '../i18n';
import { csrfField, flashBox, layout, type Chrome, type Flash } from './layout';

/**
 * Sign-in with the holder's credential file: uploaded, or its text pasted (a phone may not reach the
 * file). The form posts to the console, which hands it to the service's session sign-in.
 */
/** `csrfToken` is the pre-session token (a cookie repeated in the form), so no other site can sign someone in. */
export function signInPage(chrome: Chrome, csrfToken: string, flash?: Flash, next?: string): Html {
  const w = t(chrome.lang);
  return layout(
    chrome,
    w.signIn,
    html`<section class="card">
      <h1>${w.signIn}</h1>
      ${flashBox(flash, chrome.lang)}
      <p>${w.signInIntro}</p>
      <form class="stack" method="post" action="/console/sign-in" enctype="multipart/form-data">
        ${csrfField(csrfToken)} ${next ? html`<input type="hidden" name="next" value="${next}" />` : ''}
        <label>${w.credentialFile}<input type="file" name="credentialFile" accept=".json,application/json" /></label>
        <label>${w.credentialText}<textarea name="credential" spellcheck="false" autocomplete="off"></textarea></label>
        <button type="submit">${w.signIn}</button>
      </form>
    </section>`,
  );
}
