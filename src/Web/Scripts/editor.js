// The YAML editor: CodeMirror 6 with YAML highlighting and lint markers that the server computes
// (Paddock's validator is the authority), behind three functions the C# interop class calls.
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Compartment } from "@codemirror/state";
import { yaml } from "@codemirror/lang-yaml";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { keymap } from "@codemirror/view";

const editors = new Map();
// Set while the server's text is put in: that change must not be sent back as if the user typed it.
let applyingServerText = false;

export function create(element, id, text, readOnly, dotnet) {
  const readOnlyCompartment = new Compartment();
  let timer = null;
  const view = new EditorView({
    parent: element,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        readOnlyCompartment.of(EditorState.readOnly.of(readOnly)),
        keymap.of([{ key: "Mod-s", preventDefault: true, run: () => { dotnet.invokeMethodAsync("OnSaveShortcut"); return true; } }]),
        EditorView.updateListener.of(update => {
          if (!update.docChanged || applyingServerText) return;
          // Send the text when typing pauses, not on every keystroke.
          clearTimeout(timer);
          timer = setTimeout(() => dotnet.invokeMethodAsync("OnTextChanged", view.state.doc.toString()), 300);
        }),
        EditorView.theme({ "&": { height: "100%", fontSize: "13px" }, ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace" } }),
      ],
    }),
  });
  editors.set(id, { view, readOnlyCompartment });
}

export function setText(id, text) {
  const editor = editors.get(id);
  if (!editor || editor.view.state.doc.toString() === text) return;
  applyingServerText = true;
  try {
    editor.view.dispatch({ changes: { from: 0, to: editor.view.state.doc.length, insert: text } });
  } finally {
    applyingServerText = false;
  }
}

export function getText(id) {
  return editors.get(id)?.view.state.doc.toString() ?? "";
}

// issues: [{ line, column, message, severity }] with 1-based line and column, as the validator reports them.
export function setIssues(id, issues) {
  const editor = editors.get(id);
  if (!editor) return;
  const doc = editor.view.state.doc;
  const diagnostics = issues.map(issue => {
    const lineNumber = Math.min(Math.max(issue.line ?? 1, 1), doc.lines);
    const line = doc.line(lineNumber);
    const from = Math.min(line.from + Math.max((issue.column ?? 1) - 1, 0), line.to);
    return { from, to: Math.max(line.to, from), severity: issue.severity, message: issue.message };
  });
  editor.view.dispatch(setDiagnostics(editor.view.state, diagnostics));
}

export function dispose(id) {
  editors.get(id)?.view.destroy();
  editors.delete(id);
}

// The whole text of the editor inside element (the DOM shows only the lines in view): for browser tests.
export function textIn(element) {
  for (const { view } of editors.values()) {
    if (element?.contains(view.dom)) return view.state.doc.toString();
  }
  return null;
}
