// The blueprint designer canvas: Cytoscape.js with cytoscape-edgehandles. Dragging, panning and zooming stay here;
// only model changes (a template dropped, nodes moved at drop, an edge drawn, a delete asked for, the selection)
// cross to the server, which owns the blueprint and sends the whole model back through setModel.
import cytoscape from "cytoscape";
import edgehandles from "cytoscape-edgehandles";

cytoscape.use(edgehandles);

const canvases = new Map();
const templateType = "application/x-paddock-template";

// Material icons (Apache 2.0, as MudBlazor ships them) drawn into the node's left side.
const iconPaths = {
  container: "M13 13v8h8v-8h-8zM3 21h8v-8H3v8zM3 3v8h8V3H3zm13.66-1.31L11 7.34 16.66 13l5.66-5.66-5.66-5.65z",
  vm: "M20 18c1.1 0 1.99-.9 1.99-2L22 6c0-1.1-.9-2-2-2H4c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2H0v2h24v-2h-4zM4 6h16v10H4V6z",
  web: "M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm-1 17.93c-3.95-.49-7-3.85-7-7.93 0-.62.08-1.21.21-1.79L9 15v1c0 1.1.9 2 2 2v1.93zm6.9-2.54c-.26-.81-1-1.39-1.9-1.39h-1v-3c0-.55-.45-1-1-1H8v-2h2c.55 0 1-.45 1-1V7h2c1.1 0 2-.9 2-2v-.41c2.93 1.19 5 4.06 5 7.41 0 2.08-.8 3.97-2.1 5.39z",
  database: "M12 3C7.58 3 4 4.79 4 7v10c0 2.21 3.59 4 8 4s8-1.79 8-4V7c0-2.21-3.58-4-8-4zm0 2c3.87 0 6 1.5 6 2s-2.13 2-6 2-6-1.5-6-2 2.13-2 6-2zm6 12c0 .5-2.13 2-6 2s-6-1.5-6-2v-2.23c1.61.78 3.72 1.23 6 1.23s4.39-.45 6-1.23V17zm0-4.55c-1.3.95-3.58 1.55-6 1.55s-4.7-.6-6-1.55V9.64c1.47.83 3.61 1.36 6 1.36s4.53-.53 6-1.36v2.81z",
  cache: "M7 2v11h3v9l7-12h-4l4-8z",
  worker: "M19.14 12.94c.04-.3.06-.61.06-.94 0-.32-.02-.64-.07-.94l2.03-1.58c.18-.14.23-.41.12-.61l-1.92-3.32c-.12-.22-.37-.29-.59-.22l-2.39.96c-.5-.38-1.03-.7-1.62-.94l-.36-2.54c-.04-.24-.24-.41-.48-.41h-3.84c-.24 0-.43.17-.47.41l-.36 2.54c-.59.24-1.13.57-1.62.94l-2.39-.96c-.22-.08-.47 0-.59.22L2.74 8.87c-.12.21-.08.47.12.61l2.03 1.58c-.05.3-.09.63-.09.94s.02.64.07.94l-2.03 1.58c-.18.14-.23.41-.12.61l1.92 3.32c.12.22.37.29.59.22l2.39-.96c.5.38 1.03.7 1.62.94l.36 2.54c.05.24.24.41.48.41h3.84c.24 0 .44-.17.47-.41l.36-2.54c.59-.24 1.13-.56 1.62-.94l2.39.96c.22.08.47 0 .59-.22l1.92-3.32c.12-.22.07-.47-.12-.61l-2.01-1.58zM12 15.6c-1.98 0-3.6-1.62-3.6-3.6s1.62-3.6 3.6-3.6 3.6 1.62 3.6 3.6-1.62 3.6-3.6 3.6z",
};

const iconUri = (name, color) => "data:image/svg+xml;utf8," + encodeURIComponent(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24"><path fill="${color}" d="${iconPaths[name] ?? iconPaths.container}"/></svg>`);

const style = [
  {
    selector: "node[?model]",
    style: {
      shape: "round-rectangle",
      width: 190,
      height: 72,
      "background-color": "#ffffff",
      "border-width": 1.5,
      "border-color": "#9aa5b1",
      label: "data(label)",
      "text-wrap": "wrap",
      "text-max-width": 140,
      "text-valign": "center",
      "text-halign": "center",
      "text-justification": "left",
      "text-margin-x": 16,
      "font-size": 12,
      "line-height": 1.35,
      color: "#1f2933",
      "font-family": "Roboto, Helvetica, Arial, sans-serif",
      "background-image": "data(iconUri)",
      "background-width": 26,
      "background-height": 26,
      "background-position-x": 12,
      "background-position-y": "50%",
      "background-clip": "none",
    },
  },
  { selector: "node[?model][kind = 'vm']", style: { "background-color": "#f3f0ff" } },
  { selector: "node[status = 'healthy'], node[status = 'running']", style: { "border-color": "#2e7d32", "border-width": 3 } },
  { selector: "node[status = 'starting'], node[status = 'stopped']", style: { "border-color": "#ed6c02", "border-width": 3 } },
  { selector: "node[status = 'unhealthy'], node[status = 'failed'], node[status = 'missing']", style: { "border-color": "#c62828", "border-width": 3, "border-style": "dashed" } },
  { selector: "node.warning", style: { "border-color": "#ed6c02", "border-width": 2.5 } },
  { selector: "node.error", style: { "border-color": "#d32f2f", "border-width": 3, "background-color": "#fff5f5" } },
  { selector: "node:selected", style: { "border-color": "#1565c0", "border-width": 3, "background-color": "#eef4fc" } },
  { selector: "node[?model]:active", style: { "overlay-opacity": 0 } },
  {
    selector: "edge",
    style: {
      width: 2,
      "curve-style": "bezier",
      "line-color": "#7b8794",
      "target-arrow-color": "#7b8794",
      "target-arrow-shape": "triangle",
      "arrow-scale": 1.2,
      label: "data(condition)",
      "font-size": 11,
      color: "#52606d",
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
      "text-background-padding": 2,
      "text-background-shape": "round-rectangle",
    },
  },
  { selector: "edge[condition = 'healthy']", style: { "line-style": "dashed", "line-dash-pattern": [6, 3] } },
  { selector: "edge.warning", style: { "line-color": "#ed6c02", "target-arrow-color": "#ed6c02" } },
  { selector: "edge.error", style: { "line-color": "#d32f2f", "target-arrow-color": "#d32f2f", width: 3.5, color: "#d32f2f" } },
  { selector: "edge:selected", style: { "line-color": "#1565c0", "target-arrow-color": "#1565c0", width: 3.5 } },
  {
    selector: "node.handle",
    style: { shape: "ellipse", width: 14, height: 14, "background-color": "#1565c0", "border-width": 2, "border-color": "#ffffff", label: "", "overlay-opacity": 0 },
  },
  { selector: ".eh-ghost-edge, edge.eh-preview", style: { "line-color": "#1565c0", "target-arrow-color": "#1565c0", "line-style": "dashed", label: "" } },
  { selector: ".eh-ghost-node", style: { opacity: 0 } },
  { selector: "node.eh-hover, node.eh-target", style: { "border-color": "#1565c0", "border-width": 3 } },
];

const isTyping = target => target instanceof HTMLElement
  && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.closest(".cm-editor, .mud-dialog"));

function nodeData(node) {
  return {
    id: node.id,
    model: true,
    kind: node.kind,
    status: node.status ?? "",
    label: [node.id, node.image || (node.kind === "vm" ? "no machine image" : "no image"), [node.detail, node.status].filter(Boolean).join(" · ")].filter(Boolean).join("\n"),
    iconUri: iconUri(node.icon, node.kind === "vm" ? "#5e35b1" : "#1565c0"),
  };
}

export function create(element, id, model, readOnly, dotnet) {
  const cy = cytoscape({
    container: element,
    style,
    minZoom: 0.1,
    maxZoom: 3,
    boxSelectionEnabled: true,
    selectionType: "single",
    autoungrabify: readOnly,
    textureOnViewport: true,
    hideEdgesOnViewport: false,
  });
  const canvas = { cy, element, dotnet, readOnly, handle: null, selectionTimer: null, moveTimer: null, moved: new Map() };
  canvases.set(id, canvas);

  const eh = cy.edgehandles({
    canConnect: (source, target) => !source.same(target) && target.data("model") && !target.hasClass("handle"),
    edgeParams: () => ({ data: { condition: "" } }),
    snap: true,
    snapThreshold: 20,
    hoverDelay: 50,
  });
  canvas.eh = eh;
  if (readOnly) eh.disable();

  cy.on("ehcomplete", (_event, source, target, added) => {
    // The server decides whether the edge exists; it comes back with the next model.
    added.remove();
    dotnet.invokeMethodAsync("OnEdgeDrawnJs", source.id(), target.id());
  });
  cy.on("ehstop", () => removeHandle(canvas));

  // The connection handle: a small dot on the hovered node's right edge; pressing it starts drawing an edge.
  // Also on move: a model update or a finished edge removes the handle while the pointer is still on the node.
  cy.on("mouseover mousemove", "node[?model]", e => {
    if (canvas.readOnly || eh.active || e.target.grabbed()) return;
    if (!canvas.handle || canvas.handle.removed() || canvas.handle.data("owner") !== e.target.id()) showHandle(canvas, e.target);
  });
  cy.on("tapstart", "node.handle", e => {
    const owner = cy.getElementById(e.target.data("owner"));
    e.target.remove();
    canvas.handle = null;
    canvas.overHandle = false;
    eh.start(owner);
  });
  cy.on("grab", "node[?model]", () => removeHandle(canvas));
  // Pointer events carry no position on mouseout: remember whether the pointer went onto the handle instead.
  cy.on("mouseover", "node.handle", () => { canvas.overHandle = true; });
  cy.on("mouseout", "node.handle", () => { canvas.overHandle = false; scheduleHandleRemoval(canvas); });
  cy.on("mouseout", "node[?model]", () => scheduleHandleRemoval(canvas));

  cy.on("dragfree", "node[?model]", e => {
    canvas.moved.set(e.target.id(), e.target.position());
    clearTimeout(canvas.moveTimer);
    // A multi-selection drag frees every node at once: send one batch.
    canvas.moveTimer = setTimeout(() => {
      const moved = [...canvas.moved.entries()].map(([name, p]) => ({ name, x: p.x, y: p.y }));
      canvas.moved.clear();
      dotnet.invokeMethodAsync("OnNodesMovedJs", moved);
    }, 30);
  });

  cy.on("select unselect", "node[?model], edge", () => {
    clearTimeout(canvas.selectionTimer);
    canvas.selectionTimer = setTimeout(() => {
      dotnet.invokeMethodAsync("OnSelectionChangedJs",
        cy.nodes("[?model]:selected").map(n => n.id()),
        cy.edges(":selected").filter(e => e.data("from")).map(e => ({ from: e.data("from"), to: e.data("to") })));
    }, 20);
  });

  element.addEventListener("dragover", e => {
    if (!canvas.readOnly && e.dataTransfer?.types.includes(templateType)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = "copy";
    }
  });
  element.addEventListener("drop", e => {
    const template = e.dataTransfer?.getData(templateType);
    if (canvas.readOnly || !template) return;
    e.preventDefault();
    const at = toModel(canvas, e.clientX, e.clientY);
    dotnet.invokeMethodAsync("OnTemplateDroppedJs", template, at.x, at.y);
  });

  canvas.onDragStart = e => {
    const source = e.target instanceof HTMLElement ? e.target.closest("[data-palette-template]") : null;
    if (!source) return;
    e.dataTransfer.setData(templateType, source.dataset.paletteTemplate);
    e.dataTransfer.effectAllowed = "copy";
  };
  document.addEventListener("dragstart", canvas.onDragStart);

  canvas.onKeyDown = e => {
    if (!element.isConnected || isTyping(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let command = null;
    if (mod && key === "z") command = e.shiftKey ? "redo" : "undo";
    else if (mod && key === "y") command = "redo";
    else if (mod && key === "c") command = "copy";
    else if (mod && key === "v") command = "paste";
    else if (mod && key === "s") command = "save";
    else if (mod && key === "a") { cy.nodes("[?model]").select(); e.preventDefault(); return; }
    else if (!mod && (e.key === "Delete" || e.key === "Backspace")) command = "delete";
    else if (!mod && key === "f") { fit(id); e.preventDefault(); return; }
    else if (!mod && key === "l") command = "layout";
    else if (!mod && e.key === "?") command = "help";
    else if (!mod && e.key === "Escape") { cy.elements().unselect(); return; }
    else if (!mod && (e.key === "+" || e.key === "=")) { zoomBy(canvas, 1.2); return; }
    else if (!mod && e.key === "-") { zoomBy(canvas, 1 / 1.2); return; }
    if (!command) return;
    e.preventDefault();
    dotnet.invokeMethodAsync("OnShortcutJs", command);
  };
  document.addEventListener("keydown", canvas.onKeyDown);

  setModel(id, model, true);
}

function zoomBy(canvas, factor) {
  const { cy, element } = canvas;
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: element.clientWidth / 2, y: element.clientHeight / 2 } });
}

function toModel(canvas, clientX, clientY) {
  const rect = canvas.element.getBoundingClientRect();
  const pan = canvas.cy.pan();
  const zoom = canvas.cy.zoom();
  return { x: (clientX - rect.left - pan.x) / zoom, y: (clientY - rect.top - pan.y) / zoom };
}

function scheduleHandleRemoval(canvas) {
  const handle = canvas.handle;
  setTimeout(() => { if (canvas.handle === handle && !canvas.overHandle && !canvas.eh.active) removeHandle(canvas); }, 150);
}

function showHandle(canvas, node) {
  removeHandle(canvas);
  const p = node.position();
  canvas.handle = canvas.cy.add({
    group: "nodes",
    data: { id: "__handle", owner: node.id() },
    classes: "handle",
    position: { x: p.x + node.width() / 2, y: p.y },
    selectable: false,
    grabbable: false,
  });
}

function removeHandle(canvas) {
  if (canvas.handle && !canvas.handle.removed()) canvas.handle.remove();
  canvas.handle = null;
}

// model: { nodes: [{ id, kind, icon, image, detail, status, x, y, severity }], edges: [{ from, to, condition, severity }] }.
// Nodes keep where the user put them unless the model moves them (undo, auto-layout, YAML edits).
export function setModel(id, model, fitView = false, select = null) {
  const canvas = canvases.get(id);
  if (!canvas) return;
  const { cy } = canvas;
  removeHandle(canvas);
  cy.batch(() => {
    const nodeIds = new Set(model.nodes.map(n => n.id));
    cy.nodes("[?model]").filter(n => !nodeIds.has(n.id())).remove();
    for (const node of model.nodes) {
      let element = cy.getElementById(node.id);
      if (element.empty()) {
        element = cy.add({ group: "nodes", data: nodeData(node), position: { x: node.x, y: node.y } });
      } else {
        element.data(nodeData(node));
        const p = element.position();
        if (!element.grabbed() && (Math.abs(p.x - node.x) > 0.5 || Math.abs(p.y - node.y) > 0.5)) element.position({ x: node.x, y: node.y });
      }
      element.classes(node.severity ?? "");
      element.data("tip", node.tip ?? "");
    }

    const edgeId = e => `${e.from}->${e.to}`;
    const edgeIds = new Set(model.edges.map(edgeId));
    cy.edges().filter(e => e.data("from") && !edgeIds.has(e.id())).remove();
    for (const edge of model.edges) {
      let element = cy.getElementById(edgeId(edge));
      const data = { id: edgeId(edge), source: edge.from, target: edge.to, from: edge.from, to: edge.to, condition: edge.condition };
      if (element.empty()) {
        if (cy.getElementById(edge.from).empty() || cy.getElementById(edge.to).empty()) continue;
        element = cy.add({ group: "edges", data });
      } else {
        element.data("condition", edge.condition);
      }
      element.classes(edge.severity ?? "");
    }

    if (select) {
      cy.elements().unselect();
      cy.nodes("[?model]").filter(n => select.includes(n.id())).select();
    }
  });
  if (fitView) fit(id);
  else if (select?.length) {
    // A pasted or keyboard-added service may land outside the view: bring it in.
    const chosen = cy.nodes(":selected");
    const view = cy.extent();
    const box = chosen.boundingBox();
    if (chosen.nonempty() && (box.x1 < view.x1 || box.x2 > view.x2 || box.y1 < view.y1 || box.y2 > view.y2)) cy.center(chosen);
  }
  canvas.element.dataset.nodes = String(model.nodes.length);
  // When the canvas first drew a model: the benchmark's time to interactive, free of its polling delay.
  if (model.nodes.length > 0) canvas.element.dataset.drawnAt ??= String(Math.round(performance.now()));
  canvas.element.dataset.ready = "true";
}

export function setReadOnly(id, readOnly) {
  const canvas = canvases.get(id);
  if (!canvas) return;
  canvas.readOnly = readOnly;
  canvas.cy.autoungrabify(readOnly);
  if (readOnly) canvas.eh.disable(); else canvas.eh.enable();
}

export function fit(id) {
  const canvas = canvases.get(id);
  if (!canvas) return;
  const nodes = canvas.cy.nodes("[?model]");
  if (nodes.empty()) {
    canvas.cy.reset();
    return;
  }
  canvas.cy.fit(nodes, 40);
  if (canvas.cy.zoom() > 1.2) canvas.cy.zoom({ level: 1.2, position: nodes.boundingBox ? center(nodes.boundingBox()) : { x: 0, y: 0 } });
}

const center = box => ({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 });

export function zoom(id, factor) {
  const canvas = canvases.get(id);
  if (canvas) zoomBy(canvas, factor);
}

/// Where a template added from the keyboard goes: the middle of what the user is looking at.
export function viewportCenter(id) {
  const canvas = canvases.get(id);
  if (!canvas) return { x: 120, y: 80 };
  const rect = canvas.element.getBoundingClientRect();
  return toModel(canvas, rect.left + rect.width / 2, rect.top + rect.height / 2);
}

export function selectNodes(id, names) {
  const canvas = canvases.get(id);
  if (!canvas) return;
  canvas.cy.elements().unselect();
  canvas.cy.nodes("[?model]").filter(n => names.includes(n.id())).select();
}

/// What the canvas shows, in page coordinates: for tests and the benchmark, which drive it with a real mouse.
export function describe(id) {
  const canvas = id ? canvases.get(id) : [...canvases.values()][0];
  if (!canvas) return null;
  const rect = canvas.element.getBoundingClientRect();
  return {
    zoom: canvas.cy.zoom(),
    nodes: canvas.cy.nodes("[?model]").map(n => {
      const p = n.renderedPosition();
      return {
        id: n.id(), label: n.data("label"), status: n.data("status"), classes: n.classes(), selected: n.selected(),
        x: rect.left + p.x, y: rect.top + p.y, width: n.renderedOuterWidth(), height: n.renderedOuterHeight(),
        modelX: n.position("x"), modelY: n.position("y"),
      };
    }),
    edges: canvas.cy.edges().filter(e => e.data("from")).map(e => ({ from: e.data("from"), to: e.data("to"), condition: e.data("condition"), classes: e.classes(), selected: e.selected() })),
  };
}

export function dispose(id) {
  const canvas = canvases.get(id);
  if (!canvas) return;
  document.removeEventListener("keydown", canvas.onKeyDown);
  document.removeEventListener("dragstart", canvas.onDragStart);
  canvas.cy.destroy();
  canvases.delete(id);
}
