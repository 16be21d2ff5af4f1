import type { PlanIssue } from '../../../domain/plan/plan-issue';
import { formatIssuePath } from '../../../domain/plan/plan-issue';
import { html, type Html } from '../html';
import { type Lang } from '../i18n';
import { csrfField, flashBox, layout, type Chrome, type Flash } from './layout';

export interface PlanCheckResult {
  fileName: string;
  ok: boolean;
  errors: PlanIssue[];
  warnings: PlanIssue[];
  title?: string;
}

function issueList(issues: readonly PlanIssue[], kind: 'error' | 'warning', lang: Lang): Html {
  return html`<ul class="issues" data-test="${kind}s">
    ${issues.map(
      (i) =>
        html`<li class="${kind === 'error' ? 'red' : 'yellow'}" data-code="${i.code}">
          <strong
            >${i.location ? (lang === 'zh' ? `第${i.location.line}行第${i.location.column}列` : `line ${i.location.line}:${i.location.column}`) : '—'}</strong
          >
          ${formatIssuePath(i.path) ? html`<code>${formatIssuePath(i.path)}</code>` : ''} ${i.message}
        </li>`,
    )}
  </ul>`;
}

const WORDS = {
  zh: {
    title: '工作专班',
    check: '检查实施方案',
    checkIntro: '上传实施方案（YAML 或 JSON），列出每一处问题及其所在行。检查不会启动或改动任何工作。',
    planFile: '方案文件',
    checkButton: '检查',
    good: '方案无误，可以启动。',
    errors: '错误',
    warnings: '提示',
    reports: '报告下载',
    campaignPage: '查看全局进度',
    start: '启动演练',
    startIntro: '按上传的方案启动一次演练（计划时间加速运行），并为每位领导和单位签发凭证。',
    newId: '演练编号（可选）',
    daySeconds: '一个计划日折合的实际秒数',
    startButton: '启动演练',
    credentials: '凭证文件',
    credentialsIntro: '请将每个文件只交给其持有人。',
    notifications: '通知记录（最近20条）',
    controls: '工作调度',
    pause: '暂停提醒',
    resume: '恢复提醒',
    cancel: '终止工作',
    cancelReason: '终止理由',
    ledger: '台账',
    audit: '审计日志（最近20条）',
  },
  en: {
    title: 'Office',
    check: 'Check a plan',
    checkIntro: 'Upload a plan (YAML or JSON) to see every issue with its line. Checking starts or changes nothing.',
    planFile: 'Plan file',
    checkButton: 'Check',
    good: 'The plan is valid and can be started.',
    errors: 'Errors',
    warnings: 'Warnings',
    reports: 'Report downloads',
    campaignPage: 'Campaign overview',
    start: 'Start a rehearsal',
    startIntro:
      'Starts a rehearsal of the uploaded plan (plan time runs faster) and issues every leader and unit a credential.',
    newId: 'Rehearsal id (optional)',
    daySeconds: 'Real seconds per plan day',
    startButton: 'Start the rehearsal',
    credentials: 'Credential files',
    credentialsIntro: 'Hand each file to its holder only.',
    notifications: 'Notifications (latest 20)',
    controls: 'Controls',
    pause: 'Pause reminders',
    resume: 'Resume reminders',
    cancel: 'Cancel the campaign',
    cancelReason: 'Reason for cancelling',
    ledger: 'Ledger',
    audit: 'Audit log (latest 20)',
  },
} as const;

function checkResult(result: PlanCheckResult | undefined, lang: Lang): Html {
  if (!result) return html``;
  const w = WORDS[lang];
  return html`<div data-test="plan-result" data-ok="${result.ok ? 'yes' : 'no'}">
    <h2>${result.fileName}${result.title ? ` · ${result.title}` : ''}</h2>
    ${result.ok ? html`<p class="flash ok">${w.good}</p>` : ''}
    ${
      result.errors.length
        ? html`<h3>${w.errors} (${result.errors.length})</h3>
            ${issueList(result.errors, 'error', lang)}`
        : ''
    }
    ${
      result.warnings.length
        ? html`<h3>${w.warnings} (${result.warnings.length})</h3>
            ${issueList(result.warnings, 'warning', lang)}`
        : ''
    }
  </div>`;
}

export interface OfficePageModel {
  campaignId: string;
  /** Holders whose credential files this host keeps. */
  holders: string[];
  result?: PlanCheckResult;
  /** The newest entries of the notification log and of the service's audit log, newest first. */
  notifications: { at: string; name: string; subject: string; status: string }[];
  audit: { at: string; actor: string; action: string; detail?: string }[];
}

function logs(model: OfficePageModel, lang: Lang): Html {
  const w = WORDS[lang];
  return html`<section class="card" data-test="logs">
    <h2>${w.notifications}</h2>
    <div class="scroll">
      <table data-test="notifications">
        <tbody>
          ${model.notifications.map(
            (n) =>
              html`<tr>
                <td>${n.at.slice(0, 16).replace('T', ' ')}</td>
                <td>${n.name}</td>
                <td>${n.subject}</td>
                <td>${n.status}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h2>${w.audit}</h2>
    <div class="scroll">
      <table data-test="audit">
        <tbody>
          ${model.audit.map(
            (a) =>
              html`<tr>
                <td>${a.at.slice(0, 16).replace('T', ' ')}</td>
                <td>${a.actor}</td>
                <td>${a.action}</td>
                <td>${a.detail ?? ''}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

function startForm(base: string, csrfToken: string, lang: Lang): Html {
  const w = WORDS[lang];
  return html`<section class="card" data-test="start-rehearsal">
    <h2>${w.start}</h2>
    <p class="muted">${w.startIntro}</p>
    <form class="stack" method="post" action="${base}/office/start-rehearsal" enctype="multipart/form-data">
      ${csrfField(csrfToken)}
      <label>${w.newId}<input type="text" name="campaignId" maxlength="100" pattern="[a-z0-9][a-z0-9-]*" /></label>
      <label>${w.daySeconds}<input type="text" name="daySeconds" inputmode="numeric" value="60" /></label>
      <label>${w.planFile}<input type="file" name="plan" accept=".yaml,.yml,.json" /></label>
      <button type="submit">${w.startButton}</button>
    </form>
  </section>`;
}

function controls(base: string, csrfToken: string, lang: Lang): Html {
  const w = WORDS[lang];
  const action = (name: string) => `${base}/office/control/${name}`;
  return html`<section class="card" data-test="controls">
    <h2>${w.controls}</h2>
    <div class="row">
      <form class="inline" method="post" action="${action('pause')}" data-test="pause">
        ${csrfField(csrfToken)}<button type="submit" class="secondary">${w.pause}</button>
      </form>
      <form class="inline" method="post" action="${action('resume')}" data-test="resume">
        ${csrfField(csrfToken)}<button type="submit" class="secondary">${w.resume}</button>
      </form>
      <form class="inline" method="post" action="${action('cancel')}" data-test="cancel">
        ${csrfField(csrfToken)}<input type="text" name="reason" maxlength="2000" placeholder="${w.cancelReason}" />
        <button type="submit" class="secondary">${w.cancel}</button>
      </form>
    </div>
  </section>`;
}

function credentialList(base: string, holders: readonly string[], lang: Lang): Html {
  const w = WORDS[lang];
  if (holders.length === 0) return html``;
  return html`<section class="card" data-test="credentials">
    <h2>${w.credentials}</h2>
    <p class="muted">${w.credentialsIntro}</p>
    <ul>
      ${holders.map((h) => html`<li><a href="${base}/office/credentials/${h}" download>${h}</a></li>`)}
    </ul>
  </section>`;
}

export function officePage(
  chrome: Chrome & { who: NonNullable<Chrome['who']> },
  model: OfficePageModel,
  flash?: Flash,
): Html {
  const { campaignId, result } = model;
  const w = WORDS[chrome.lang];
  const base = `/console/c/${encodeURIComponent(campaignId)}`;
  const api = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  return layout(
    chrome,
    w.title,
    html`${flashBox(flash, chrome.lang)}
      <section class="card">
        <h1>${w.title} · ${campaignId}</h1>
        <p><a href="${base}/leader">${w.campaignPage}</a></p>
      </section>
      <section class="card" data-test="plan-check">
        <h2>${w.check}</h2>
        <p class="muted">${w.checkIntro}</p>
        <form class="stack" method="post" action="${base}/office/check-plan" enctype="multipart/form-data">
          ${csrfField(chrome.who.csrfToken)}
          <label>${w.planFile}<input type="file" name="plan" accept=".yaml,.yml,.json" /></label>
          <button type="submit">${w.checkButton}</button>
        </form>
        ${checkResult(result, chrome.lang)}
      </section>
      ${controls(base, chrome.who.csrfToken, chrome.lang)} ${startForm(base, chrome.who.csrfToken, chrome.lang)}
      ${credentialList(base, model.holders, chrome.lang)} ${logs(model, chrome.lang)}
      <section class="card">
        <h2>${w.reports}</h2>
        <p class="row">
          <a href="${api}/report?format=md">Markdown</a> <a href="${api}/report?format=html">HTML</a>
          <a href="${api}/report?format=csv">CSV</a>
          <a href="${api}/ledger/export?format=xlsx" data-test="ledger-xlsx">${w.ledger} (XLSX)</a>
        </p>
      </section>`,
  );
}
