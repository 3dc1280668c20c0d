// The snippet builder's page script (/snippet, /en/snippet; the page is rendered by
// demo/server/snippet-page.ts). On every change it reads the form, writes the snippet and puts the
// same element, with the same attributes, in the preview. What it needs is in the page's markup
// (each event's URLs on its <option>, the CDN file and its SRI hash on the form), so it requests
// nothing itself, and it builds the preview with DOM methods only: the site's Content-Security-
// Policy allows no inline script and its Trusted Types rule no HTML strings.

const form = document.getElementById('snippet-builder');
if (form) startBuilder(form);

/** `&`, `<`, `>` and `"` as entities: safe in element content and in a double-quoted attribute. */
function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]);
}

/**
 * The snippet: the CDN script tag, then the element with its attributes (`true`: a boolean
 * attribute) and, when it shows an event, a link to the event as what visitors see without
 * JavaScript.
 */
function snippetText(script, { tag, attributes, fallback }) {
  const scriptTag = `<script src="${escapeHtml(script.src)}" integrity="${escapeHtml(script.integrity)}" crossorigin="anonymous"></script>`;
  const written = [...attributes].map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(value)}"`));
  const inside = fallback ? `\n  ${fallbackHtml(fallback)}\n` : '';
  return `${scriptTag}\n\n<${tag}${written.join('')}>${inside}</${tag}>\n`;
}

function fallbackHtml({ title, href }) {
  return href ? `<a href="${escapeHtml(href)}">${escapeHtml(title)}</a>` : `<p>${escapeHtml(title)}</p>`;
}

/** The same element as the snippet's, made with DOM methods. */
function previewElement({ tag, attributes, fallback }) {
  const element = document.createElement(tag);
  for (const [name, value] of attributes) element.setAttribute(name, value === true ? '' : value);
  if (fallback) {
    const node = document.createElement(fallback.href ? 'a' : 'p');
    if (fallback.href) node.href = fallback.href;
    node.textContent = fallback.title;
    element.append(node);
  }
  return element;
}

/** Whether a typed value is unusable: a number outside its range, a URL that is not http(s). Empty is fine. */
function isInvalid(control) {
  const value = control.value.trim();
  if (value === '') return false;
  if (control.type === 'url') {
    try {
      return !/^https?:$/.test(new URL(value).protocol);
    } catch {
      return true;
    }
  }
  if (control.dataset.min !== undefined) {
    const pattern = control.dataset.decimals !== undefined ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    const number = Number(value);
    const { min, max } = control.dataset;
    return !pattern.test(value) || number < Number(min) || (max !== undefined && number > Number(max));
  }
  return false;
}

/**
 * Shows or hides the control's error message (above the control; the page renders one for each
 * control that can be invalid), with `aria-invalid` and the message in `aria-describedby`.
 */
function showValidity(control) {
  const error = document.getElementById(`${control.id}-error`);
  if (!error) return;
  const invalid = isInvalid(control);
  error.hidden = !invalid;
  const described = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== error.id);
  if (invalid) {
    control.setAttribute('aria-invalid', 'true');
    described.push(error.id);
  } else {
    control.removeAttribute('aria-invalid');
  }
  if (described.length) control.setAttribute('aria-describedby', described.join(' '));
  else control.removeAttribute('aria-describedby');
}

/** The attribute a control asks for: a string, `true` (boolean attribute) or `undefined` (left out). */
function attributeValue(control) {
  if (control.type === 'checkbox') {
    if (!control.checked) return undefined;
    return control.hasAttribute('value') ? control.value : true;
  }
  const value = control.value.trim();
  return value === '' || isInvalid(control) ? undefined : value;
}

/** Says `text` in a live region; emptied first, so the same words are said again next time. */
function announce(region, text) {
  region.textContent = '';
  setTimeout(() => {
    region.textContent = text;
  }, 100);
}

function startBuilder(form) {
  const eventSelect = document.getElementById('snippet-event');
  const eventFieldset = eventSelect.closest('fieldset');
  const code = document.getElementById('snippet-code');
  const preview = document.getElementById('snippet-preview');
  const previewStatus = document.getElementById('snippet-preview-status');
  const copyStatus = document.getElementById('snippet-copy-status');
  const script = { src: new URL(form.dataset.script, location.href).href, integrity: form.dataset.integrity };

  const chosen = (name) => form.querySelector(`input[name="${name}"]:checked`).value;
  const chosenEvent = () => eventSelect.selectedOptions[0].dataset;
  const optionsFor = (tag) => form.querySelector(`fieldset[data-element="${tag}"]`);

  /** What the form asks for: the tag, its attributes in snippet order, the fallback content. */
  function readForm() {
    const tag = chosen('element');
    const options = optionsFor(tag);
    const event = chosenEvent();
    const showsEvent = options.dataset.srcFromEvent !== undefined;
    const attributes = new Map();
    if (showsEvent) attributes.set('src', event.src);
    else if (options.dataset.src) attributes.set('src', options.dataset.src);
    for (const control of options.querySelectorAll('[data-attribute]')) {
      const value = attributeValue(control);
      if (value !== undefined) attributes.set(control.dataset.attribute, value);
    }
    // The subscription offers what the list shows: the same tags, through the feed's `?tag=`.
    if (attributes.has('calendar-href') && attributes.has('tag')) {
      attributes.set('calendar-href', `${attributes.get('calendar-href')}?tag=${encodeURIComponent(attributes.get('tag'))}`);
    }
    attributes.set('lang', chosen('lang'));
    return { tag, attributes, fallback: showsEvent ? { title: event.title, href: event.url } : undefined };
  }

  function update() {
    const wanted = readForm();
    const text = snippetText(script, wanted);
    if (text === code.value) return;
    code.value = text;
    preview.replaceChildren(previewElement(wanted));
  }

  /** The chosen element's options show; the event choice is off when the element takes nothing from it. */
  function showOptions() {
    const tag = chosen('element');
    for (const fieldset of form.querySelectorAll('fieldset[data-element]')) fieldset.hidden = fieldset.dataset.element !== tag;
    const options = optionsFor(tag);
    eventFieldset.disabled = options.dataset.srcFromEvent === undefined && !options.querySelector('[data-from-event]');
  }

  /** Options that start from the event's own data (endpoint, address, coordinates) take the chosen event's. */
  function fillFromEvent() {
    const event = chosenEvent();
    for (const control of form.querySelectorAll('[data-from-event]')) {
      control.value = event[control.dataset.fromEvent] ?? '';
      showValidity(control);
    }
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(code.value);
      announce(copyStatus, copyStatus.dataset.copied);
    } catch {
      // No Clipboard API (an old browser, a page not served securely) or no permission: the code
      // is selected, for the visitor to copy with the keyboard.
      code.focus();
      code.select();
      announce(copyStatus, copyStatus.dataset.selectToCopy);
    }
  }

  /** Any change: selects, radios and checkboxes fire `input` and `change`, text fields `input` per keystroke. */
  function changed(event) {
    if (event.target === eventSelect) fillFromEvent();
    if (event.target.name === 'element') showOptions();
    showValidity(event.target);
    update();
  }

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  document.getElementById('snippet-copy').addEventListener('click', copy);
  // The preview is the real form: it would register for real.
  preview.addEventListener('bijeen-submit', (event) => {
    event.preventDefault();
    announce(previewStatus, previewStatus.dataset.notSent);
  });

  showOptions();
  fillFromEvent();
  update();
}
