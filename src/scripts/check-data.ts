/**
 * The check page's script: the files a maintainer chooses or drops are read in the browser and
 * checked by the gate's own validators (validate-files.ts), and the problems are listed exactly as
 * `npm run validate` prints them. Nothing is sent anywhere: the only request is for the site's own
 * data files (reference.json), made when the page opens, so checking works offline afterwards.
 */
import { folderToCheck, validateFiles, type DataFile, type DroppedFile } from '../lib/validate/validate-files.ts';
import { formatProblem, sortProblems, totalsLine } from '../lib/problems.ts';

const root = document.querySelector<HTMLElement>('[data-check]');
if (root) install(root);

function install(root: HTMLElement): void {
  const say = (name: string) => root.dataset[name] ?? '';
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const output = root.querySelector<HTMLElement>('[data-output]')!;
  const drop = root.querySelector<HTMLElement>('[data-drop]')!;
  let reference: DataFile[] | null = null;

  status.textContent = say('loading');
  const loaded = fetch(root.dataset.reference!)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
    .then((json: { files: ({ name: string; text: string } | { name: string; base64: string })[] }) => {
      reference = json.files.map((f) => ({ name: f.name, bytes: 'text' in f ? new TextEncoder().encode(f.text) : fromBase64(f.base64) }));
      status.textContent = '';
      root.dataset.state = 'ready';
    })
    .catch(() => {
      status.textContent = say('loadFailed');
    });
  // The controls appear only with the script: without it the page says how to check from the command line.
  root.hidden = false;
  // A folder is chosen through the attribute browsers share but HTML does not define, so it is set here.
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-folder]')) input.webkitdirectory = true;

  const check = async (dropped: DroppedFile[]) => {
    if (dropped.length === 0) return;
    status.textContent = say('checking');
    root.dataset.state = 'checking';
    await loaded;
    const { folder, files, notChecked } = folderToCheck(dropped, reference ?? []);
    const result = validateFiles(files, folder);
    const problems = sortProblems(result.problems);
    output.replaceChildren();
    const list = document.createElement('ol');
    list.className = 'problems';
    for (const p of problems) {
      const item = document.createElement('li');
      item.className = p.severity;
      item.textContent = formatProblem(p);
      list.append(item);
    }
    const totals = document.createElement('p');
    totals.className = 'totals';
    totals.textContent = totalsLine(folder, result.rowCounts, problems);
    if (problems.length) output.append(list);
    else output.append(Object.assign(document.createElement('p'), { className: 'ok', textContent: say('noProblems') }));
    output.append(totals);
    if (notChecked.length) output.append(Object.assign(document.createElement('p'), { textContent: say('notCheckedFiles').replace('{files}', notChecked.join(', ')) }));
    // What was checked: the folder, or the files dropped in place of the site's own.
    const named = dropped.some((f) => f.path.includes('/')) ? `${folder}/` : dropped.map((f) => f.path).join(', ');
    status.textContent = say('result').replace('{files}', named);
    root.dataset.state = 'done';
  };

  for (const input of root.querySelectorAll<HTMLInputElement>('input[type=file]'))
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      await check(await Promise.all(files.map(async (f) => ({ path: f.webkitRelativePath || f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))));
      input.value = '';
    });
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', async (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    const entries = [...(e.dataTransfer?.items ?? [])].map((i) => i.webkitGetAsEntry()).filter((x): x is FileSystemEntry => x !== null);
    await check((await Promise.all(entries.map((entry) => read(entry, '')))).flat());
  });
}

/** A dropped file, or a dropped folder's files with their paths under it. */
async function read(entry: FileSystemEntry, parent: string): Promise<DroppedFile[]> {
  const path = parent ? `${parent}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, bytes: new Uint8Array(await file.arrayBuffer()) }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // A folder is read in batches until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  return (await Promise.all(children.map((c) => read(c, path)))).flat();
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
