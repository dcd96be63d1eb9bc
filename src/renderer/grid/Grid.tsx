import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState, type Table } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fillDown, parseTsv, pasteWrites, rectangular, tileOver, toTsv, type CellRange, type CellWrite } from '../../core/workbench';
import { ConfirmDialog } from './ConfirmDialog';
import { clampPos, moveFor, rangeOf, type CellPos } from './selection';
import type { FocusRequest, GridColumn, GridModel, Suggestion } from './types';
import './grid.css';

export const ROW_HEIGHT = 28;
const HEADER_HEIGHT = 34;
const FILTER_HEIGHT = 32;
const ROW_HEADER_WIDTH = 56;

interface Editing {
  row: number;
  column: number;
  /** "enter": typed over the cell, arrows commit and move (Excel's Enter mode); "edit": F2, arrows move the caret. */
  mode: 'enter' | 'edit';
  original: string;
}

export interface GridProps {
  /** Names the grid for tests and for check findings ("budgetLines"). */
  id: string;
  label: string;
  model: GridModel;
  onUndo(): void;
  onRedo(): void;
  focusRequest?: FocusRequest | null;
  /** Extra buttons for the grid's toolbar. */
  toolbar?: ReactNode;
  /** Told the key of the active row (a record id, a draft key, or "+new"). */
  onActiveRowChange?(rowKey: string): void;
  /** Told when a focus request has been carried out (or could not be). */
  onFocusDone?(seq: number): void;
}

/**
 * An Excel-like grid over a list of records (docs/grid.md). DOM cells, virtualized rows, a frozen
 * header, and ONE persistent focused textarea over the active cell that receives every key, IME
 * composition and clipboard event: typing starts an edit without losing the first character, and
 * keys that belong to an IME composition (isComposing / keyCode 229) are left to the IME.
 */
export function Grid({ id, label, model, onUndo, onRedo, focusRequest, toolbar, onActiveRowChange, onFocusDone }: GridProps) {
  const { t } = useTranslation('workbench');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollElement, setScrollElement] = useState<HTMLDivElement | null>(null);
  const attachScroller = useCallback((element: HTMLDivElement | null) => {
    scrollRef.current = element;
    setScrollElement(element);
  }, []);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const [active, setActive] = useState<CellPos>({ row: 0, column: 0 });
  const [anchor, setAnchor] = useState<CellPos>({ row: 0, column: 0 });
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(null);
  const [editorText, setEditorText] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const [pickerClosed, setPickerClosed] = useState(false);
  const [confirmRows, setConfirmRows] = useState<number[] | null>(null);
  const [columnSizing, setColumnSizing] = useState<ColumnSizingState>({});
  const [scrolledX, setScrolledX] = useState(false);
  const tabStart = useRef<number | null>(null);
  const dragging = useRef(false);
  const handledFocus = useRef(0);
  /**
   * The row the cursor must stay in after a commit: a new row saved as a record moves above the drafts below it
   * (records come first), and the cursor goes with it, so the amount typed next lands in the same row.
   */
  const follow = useRef<string | null>(null);

  const columns = model.columns;
  const columnCount = columns.length;
  const rowCount = model.rowCount;

  // TanStack Table is the column model (sizes, resizing, header groups); rows come from the model.
  const columnDefs = useMemo<ColumnDef<unknown>[]>(
    () => columns.map((column) => ({ id: column.id, header: column.header, size: column.width, minSize: 48, maxSize: 800 })),
    [columns],
  );
  const table = useReactTable<unknown>({
    data: NO_DATA,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    state: { columnSizing },
    onColumnSizingChange: setColumnSizing,
    columnResizeMode: 'onChange',
    manualSorting: true,
    manualFiltering: true,
  });
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const widths = headers.map((header) => header.getSize());
  const widthKey = widths.join(',');
  // Same widths, same array: rows are memoized on it.
  const stableWidths = useMemo(() => widths, [widthKey]);
  const lefts = useMemo(() => {
    const result: number[] = [];
    let left = ROW_HEADER_WIDTH;
    for (const width of widthKey.split(',').map(Number)) {
      result.push(left);
      left += width;
    }
    result.push(left);
    return result;
  }, [widthKey]);
  const totalWidth = lefts[lefts.length - 1] ?? ROW_HEADER_WIDTH;
  const headerHeight = HEADER_HEIGHT + FILTER_HEIGHT;

  const setEditing = useCallback((value: Editing | null) => {
    editingRef.current = value;
    setEditingState(value);
  }, []);

  const focusEditor = useCallback(() => editorRef.current?.focus({ preventScroll: true }), []);

  // After a commit the cursor's row may sit elsewhere (saved, re-sorted): move the cursor to it.
  useEffect(() => {
    const key = follow.current;
    if (key === null) return;
    const row = model.indexOfKey(key);
    if (row === -1) return;
    follow.current = null;
    if (row === active.row) return;
    const moved = { row, column: active.column };
    setActive(moved);
    setAnchor(moved);
  }, [model, active]);

  // Rows may vanish under the active cell (undo, delete, a filter): keep it inside the grid.
  useEffect(() => {
    if (rowCount === 0 || columnCount === 0) return;
    const clamped = clampPos(active, rowCount, columnCount);
    if (clamped.row !== active.row || clamped.column !== active.column) {
      setActive(clamped);
      setAnchor(clamped);
    }
  }, [rowCount, columnCount, active]);

  const ensureVisible = useCallback(
    (pos: CellPos) => {
      const scroller = scrollRef.current;
      if (!scroller) return;
      const top = pos.row * ROW_HEIGHT;
      const viewHeight = scroller.clientHeight - headerHeight;
      if (top < scroller.scrollTop) scroller.scrollTop = top;
      else if (top + ROW_HEIGHT > scroller.scrollTop + viewHeight) scroller.scrollTop = top + ROW_HEIGHT - viewHeight;
      const left = (lefts[pos.column] ?? 0) - ROW_HEADER_WIDTH;
      const right = (lefts[pos.column + 1] ?? 0) - ROW_HEADER_WIDTH;
      const viewWidth = scroller.clientWidth - ROW_HEADER_WIDTH;
      if (left < scroller.scrollLeft) scroller.scrollLeft = left;
      else if (right > scroller.scrollLeft + viewWidth) scroller.scrollLeft = Math.min(left, right - viewWidth);
    },
    [headerHeight, lefts],
  );

  const goTo = useCallback(
    (pos: CellPos, extend = false) => {
      const next = clampPos(pos, rowCount, columnCount);
      follow.current = null;
      setActive(next);
      if (!extend) setAnchor(next);
      ensureVisible(next);
    },
    [rowCount, columnCount, ensureVisible],
  );

  // Check panel and other screens ask the grid to show a record's field.
  useEffect(() => {
    if (!focusRequest || focusRequest.seq === handledFocus.current) return;
    const row = model.indexOfKey(focusRequest.rowKey);
    if (row === -1) {
      const filtered = Object.entries(model.filters).filter(([, text]) => text.trim() !== '');
      if (filtered.length > 0) for (const [column] of filtered) model.onFilter(column, '');
      else {
        handledFocus.current = focusRequest.seq;
        onFocusDone?.(focusRequest.seq);
      }
      return;
    }
    handledFocus.current = focusRequest.seq;
    const column = Math.max(0, columns.findIndex((candidate) => candidate.id === focusRequest.column));
    goTo({ row, column });
    focusEditor();
    onFocusDone?.(focusRequest.seq);
  }, [focusRequest, model, columns, goTo, focusEditor, onFocusDone]);

  const range = rangeOf(anchor, active);
  const activeKey = rowCount > 0 ? model.rowKey(Math.min(active.row, rowCount - 1)) : '';
  useEffect(() => onActiveRowChange?.(activeKey), [activeKey, onActiveRowChange]);

  // ------------------------------------------------------------ editing

  const startEditing = useCallback(
    (mode: Editing['mode'], text: string | null) => {
      const column = columns[active.column];
      if (!column || column.readOnly) return false;
      const editor = editorRef.current;
      const original = model.editText(active.row, active.column);
      if (editor && text !== null) {
        editor.value = text;
        editor.setSelectionRange(text.length, text.length);
      }
      setEditing({ row: active.row, column: active.column, mode, original });
      setEditorText(text ?? '');
      setHighlight(-1);
      setPickerClosed(false);
      setAnchor(active);
      ensureVisible(active);
      return true;
    },
    [active, columns, model, setEditing, ensureVisible],
  );

  const cancelEditing = useCallback(() => {
    if (editorRef.current) editorRef.current.value = '';
    setEditing(null);
    setEditorText('');
  }, [setEditing]);

  const commitEditing = useCallback(
    (move: CellPos | null, chosen?: string) => {
      const current = editingRef.current;
      const editor = editorRef.current;
      if (!current || !editor) return;
      const text = chosen ?? editor.value;
      editor.value = '';
      setEditing(null);
      setEditorText('');
      const keys = current.mode === 'enter' || text !== current.original ? model.commit([{ row: current.row, column: current.column, text }]) : undefined;
      if (move) goTo(move);
      // Staying in the row (Tab, a click elsewhere in it, no move): the cursor keeps to the row wherever it lands.
      if (!move || move.row === current.row) follow.current = keys?.get(current.row) ?? null;
    },
    [model, setEditing, goTo],
  );

  // ------------------------------------------------------------ suggestions (code pickers)

  const activeColumn = columns[active.column];
  const suggestions: Suggestion[] = useMemo(() => {
    if (!editing || pickerClosed || !model.suggest) return [];
    return model.suggest(editing.row, editing.column, editorText);
  }, [editing, pickerClosed, model, editorText]);
  const showPicker = suggestions.length > 0;

  // ------------------------------------------------------------ clipboard and block actions

  const textOf = useCallback((row: number, column: number) => model.editText(row, column), [model]);

  const writable = useCallback((writes: CellWrite[]) => writes.filter((write) => !columns[write.column]?.readOnly), [columns]);

  const clearRange = useCallback(() => {
    const writes: CellWrite[] = [];
    for (let row = range.top; row <= range.bottom; row += 1) {
      if (model.rowKind(row) === 'blank') continue;
      for (let column = range.left; column <= range.right; column += 1) writes.push({ row, column, text: '' });
    }
    const allowed = writable(writes);
    if (allowed.length > 0) model.commit(allowed);
  }, [range.top, range.bottom, range.left, range.right, model, writable]);

  const copyRange = useCallback((): string => {
    const rows: string[][] = [];
    for (let row = range.top; row <= range.bottom; row += 1) {
      if (model.rowKind(row) === 'blank') continue;
      const cells: string[] = [];
      for (let column = range.left; column <= range.right; column += 1) cells.push(textOf(row, column));
      rows.push(cells);
    }
    return toTsv(rows);
  }, [range.top, range.bottom, range.left, range.right, model, textOf]);

  const paste = useCallback(
    (text: string) => {
      const block = rectangular(parseTsv(text));
      if (block.length === 0) return;
      const tiled = tileOver(block, range);
      const writes = writable(pasteWrites(tiled, range.top, range.left, columnCount));
      if (writes.length > 0) model.commit(writes);
      const bottom = range.top + tiled.length - 1;
      const right = Math.min(columnCount - 1, range.left + (tiled[0]?.length ?? 1) - 1);
      setAnchor({ row: range.top, column: range.left });
      setActive({ row: bottom, column: right });
    },
    [range, columnCount, model, writable],
  );

  const selectedRows = useCallback((): number[] => {
    const rows: number[] = [];
    for (let row = range.top; row <= range.bottom; row += 1) if (model.rowKind(row) !== 'blank') rows.push(row);
    return rows;
  }, [range.top, range.bottom, model]);

  const askDeleteRows = useCallback(() => {
    const rows = selectedRows();
    if (rows.length > 0) setConfirmRows(rows);
  }, [selectedRows]);

  // ------------------------------------------------------------ keyboard

  const pageRows = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 600) - headerHeight) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Keys typed into an IME composition belong to the IME: Enter picks a candidate, it does not commit.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const ctrl = event.ctrlKey || event.metaKey;
    const key = event.key;
    const current = editingRef.current;

    if (current) {
      const column = columns[current.column];
      if (key === 'Escape') {
        event.preventDefault();
        if (showPicker) setPickerClosed(true);
        else cancelEditing();
        return;
      }
      if (showPicker && (key === 'ArrowDown' || key === 'ArrowUp')) {
        event.preventDefault();
        const step = key === 'ArrowDown' ? 1 : -1;
        setHighlight((value) => Math.max(-1, Math.min(suggestions.length - 1, value + step)));
        return;
      }
      const chosen = showPicker && highlight >= 0 ? suggestions[highlight]?.value : undefined;
      if (key === 'Enter' && event.altKey && column?.multiline) {
        event.preventDefault();
        insertAtCaret(event.currentTarget, '\n');
        return;
      }
      if (key === 'Enter') {
        event.preventDefault();
        const down = !event.shiftKey;
        const targetColumn = tabStart.current ?? current.column;
        tabStart.current = null;
        commitEditing({ row: current.row + (down ? 1 : -1), column: down ? targetColumn : current.column }, chosen);
        return;
      }
      if (key === 'Tab') {
        event.preventDefault();
        tabStart.current ??= current.column;
        commitEditing({ row: current.row, column: current.column + (event.shiftKey ? -1 : 1) }, chosen);
        return;
      }
      if (key === 'F2') {
        event.preventDefault();
        setEditing({ ...current, mode: current.mode === 'enter' ? 'edit' : 'enter' });
        return;
      }
      if (current.mode === 'enter' && !ctrl && ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(key)) {
        event.preventDefault();
        tabStart.current = null;
        const move = moveFor(key, false, current, rowCount, columnCount, pageRows);
        commitEditing(move);
      }
      return;
    }

    if (ctrl && !event.altKey) {
      const lower = key.toLowerCase();
      if (lower === 'z' && !event.shiftKey) return void (event.preventDefault(), onUndo());
      if (lower === 'y' || (lower === 'z' && event.shiftKey)) return void (event.preventDefault(), onRedo());
      if (lower === 'a') {
        event.preventDefault();
        setAnchor({ row: 0, column: 0 });
        setActive({ row: Math.max(0, rowCount - 1), column: columnCount - 1 });
        return;
      }
      if (lower === 'd') {
        event.preventDefault();
        const writes = writable(fillDown(range, textOf).filter((write) => model.rowKind(write.row) !== 'blank' || write.text !== ''));
        if (writes.length > 0) model.commit(writes);
        return;
      }
      if (key === '-') {
        event.preventDefault();
        askDeleteRows();
        return;
      }
    }
    const move = moveFor(key, ctrl, active, rowCount, columnCount, pageRows);
    if (move) {
      event.preventDefault();
      tabStart.current = null;
      goTo(move, event.shiftKey);
      return;
    }
    switch (key) {
      case 'Tab': {
        event.preventDefault();
        tabStart.current ??= active.column;
        goTo({ row: active.row, column: active.column + (event.shiftKey ? -1 : 1) });
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const down = !event.shiftKey;
        const column = down ? (tabStart.current ?? active.column) : active.column;
        tabStart.current = null;
        goTo({ row: active.row + (down ? 1 : -1), column });
        return;
      }
      case 'F2':
        event.preventDefault();
        startEditing('edit', model.editText(active.row, active.column));
        return;
      case 'Delete':
        event.preventDefault();
        clearRange();
        return;
      case 'Backspace':
        event.preventDefault();
        startEditing('enter', '');
        return;
      case 'Escape':
        setAnchor(active);
        return;
      default:
    }
  };

  // Typing over a cell: the first inserted character (or the start of an IME composition) opens the
  // editor in place. The textarea is already focused and empty, so the character lands in it.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    const onBeforeInput = (event: InputEvent) => {
      if (editingRef.current) return;
      if (!event.inputType.startsWith('insert') || event.inputType === 'insertFromPaste') return;
      if (!startEditingRef.current('enter', null)) event.preventDefault();
    };
    const onCompositionStart = () => {
      if (!editingRef.current) startEditingRef.current('enter', null);
    };
    editor.addEventListener('beforeinput', onBeforeInput);
    editor.addEventListener('compositionstart', onCompositionStart);
    return () => {
      editor.removeEventListener('beforeinput', onBeforeInput);
      editor.removeEventListener('compositionstart', onCompositionStart);
    };
  }, []);
  const startEditingRef = useRef(startEditing);
  useLayoutEffect(() => {
    startEditingRef.current = startEditing;
  }, [startEditing]);

  const onInput = (event: React.FormEvent<HTMLTextAreaElement>) => {
    const native = event.nativeEvent as InputEvent;
    if (native.isComposing) return;
    setEditorText(event.currentTarget.value);
    setPickerClosed(false);
    setHighlight(/\D/.test(event.currentTarget.value.trim()) ? 0 : -1);
  };

  const onCompositionEnd = (event: React.CompositionEvent<HTMLTextAreaElement>) => {
    // A composition over a read-only cell typed nothing: keep the idle editor empty.
    if (!editingRef.current) {
      event.currentTarget.value = '';
      return;
    }
    setEditorText(event.currentTarget.value);
    setHighlight(/\D/.test(event.currentTarget.value.trim()) ? 0 : -1);
  };

  const onCopy = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    if (editingRef.current) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', copyRange());
  };

  const onCut = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    if (editingRef.current) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', copyRange());
    clearRange();
  };

  const onPaste = (event: React.ClipboardEvent<HTMLTextAreaElement>) => {
    const text = event.clipboardData.getData('text/plain');
    const current = editingRef.current;
    // Inside an edit, a single value pastes into the cell; a block always pastes as cells.
    if (current && !/[\t\n\r]/.test(text.replace(/\r?\n$/, ''))) return;
    event.preventDefault();
    if (current) cancelEditing();
    paste(text);
  };

  // ------------------------------------------------------------ mouse

  const cellAt = (target: EventTarget | null): CellPos | null => {
    const element = (target as HTMLElement | null)?.closest?.('[data-col-index]') as HTMLElement | null;
    const rowElement = element?.closest('[data-row]') as HTMLElement | null;
    if (!element || !rowElement) return null;
    return { row: Number(rowElement.dataset.row), column: Number(element.dataset.colIndex) };
  };

  const onBodyMouseDown = (event: React.MouseEvent) => {
    if (event.button !== 0) return;
    const rowHeader = (event.target as HTMLElement).closest('[data-rowheader]') as HTMLElement | null;
    const pos = rowHeader ? { row: Number(rowHeader.dataset.rowheader), column: 0 } : cellAt(event.target);
    if (!pos) return;
    event.preventDefault();
    if (editingRef.current) commitEditing(null);
    // The clerk chose where to go: the click, not the committed row, places the cursor.
    follow.current = null;
    if (rowHeader) {
      const start = event.shiftKey ? { row: anchor.row, column: 0 } : pos;
      setAnchor(start);
      setActive({ row: pos.row, column: columnCount - 1 });
    } else if (event.shiftKey) setActive(pos);
    else {
      setAnchor(pos);
      setActive(pos);
    }
    dragging.current = !rowHeader;
    focusEditor();
  };

  const onBodyMouseOver = (event: React.MouseEvent) => {
    if (!dragging.current || event.buttons !== 1) return;
    const pos = cellAt(event.target);
    if (pos) setActive(pos);
  };

  useEffect(() => {
    const stop = () => (dragging.current = false);
    window.addEventListener('mouseup', stop);
    return () => window.removeEventListener('mouseup', stop);
  }, []);

  const onBodyDoubleClick = (event: React.MouseEvent) => {
    const pos = cellAt(event.target);
    if (!pos) return;
    event.preventDefault();
    setActive(pos);
    setAnchor(pos);
    const column = columns[pos.column];
    if (!column || column.readOnly) return;
    const text = model.editText(pos.row, pos.column);
    const editor = editorRef.current;
    if (editor) {
      editor.value = text;
      editor.setSelectionRange(text.length, text.length);
    }
    setEditing({ row: pos.row, column: pos.column, mode: 'edit', original: text });
    setEditorText(text);
    setPickerClosed(false);
    focusEditor();
  };

  // ------------------------------------------------------------ render

  const editorPos = editing ?? active;
  const editorTop = editorPos.row * ROW_HEIGHT;
  const editorLeft = lefts[editorPos.column] ?? ROW_HEADER_WIDTH;
  const editorWidth = widths[editorPos.column] ?? 100;
  const activeMark = model.rowCount > 0 ? model.cellMark(active.row, active.column) : null;
  const activeText = model.rowCount > 0 ? model.cellText(active.row, active.column) : '';
  const selectionSize = (range.bottom - range.top + 1) * (range.right - range.left + 1);
  const recordRows = countRecords(model);

  return (
    <div className="grid" data-grid={id}>
      <div className="grid-toolbar">
        <span className="grid-count">{t('grid.rowCount', { count: recordRows })}</span>
        {selectionSize > 1 && <span className="grid-selection">{t('grid.selection', { rows: range.bottom - range.top + 1, columns: range.right - range.left + 1 })}</span>}
        <span className="grid-toolbar-space" />
        {toolbar}
        <button type="button" className="secondary" onClick={askDeleteRows} disabled={selectedRows().length === 0} title={t('grid.deleteRowsShortcut')}>
          {t('grid.deleteRows')}
        </button>
      </div>
      <div
        ref={attachScroller}
        className={`grid-scroll${scrolledX ? ' scrolled-x' : ''}`}
        onScroll={(event) => setScrolledX(event.currentTarget.scrollLeft > 0)}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={columnCount + 1}
        aria-multiselectable
      >
        <GridHeader table={table} columnSizing={columnSizing} model={model} widths={stableWidths} totalWidth={totalWidth} />
        <div
          className="grid-body"
          role="rowgroup"
          style={{ height: rowCount * ROW_HEIGHT, width: totalWidth }}
          onMouseDown={onBodyMouseDown}
          onMouseOver={onBodyMouseOver}
          onDoubleClick={onBodyDoubleClick}
        >
          <GridRows
            scrollElement={scrollElement}
            rowCount={rowCount}
            headerHeight={headerHeight}
            totalWidth={totalWidth}
            model={model}
            widths={stableWidths}
            range={range}
            active={active}
          />
          <textarea
            ref={editorRef}
            className={`grid-editor${editing ? ' editing' : ''}${activeColumn?.align === 'end' ? ' end' : ''}`}
            style={{ top: editorTop, left: editorLeft, width: editorWidth, height: ROW_HEIGHT }}
            aria-label={t('grid.editorLabel', { row: editorPos.row + 1, column: columns[editorPos.column]?.header ?? '', text: activeText })}
            aria-description={activeMark?.message}
            aria-autocomplete={model.suggest ? 'list' : undefined}
            aria-expanded={showPicker}
            aria-controls={showPicker ? `${id}-picker` : undefined}
            data-editing={editing ? editing.mode : 'no'}
            rows={1}
            spellCheck={false}
            autoComplete="off"
            onKeyDown={onKeyDown}
            onInput={onInput}
            onCompositionEnd={onCompositionEnd}
            onCopy={onCopy}
            onCut={onCut}
            onPaste={onPaste}
            onBlur={() => {
              if (editingRef.current && !confirmRows) commitEditing(null);
            }}
          />
          {showPicker && (
            <ul
              id={`${id}-picker`}
              className="grid-picker"
              role="listbox"
              aria-label={t('grid.suggestions')}
              style={{ top: editorTop + ROW_HEIGHT, left: editorLeft }}
            >
              {suggestions.map((suggestion, index) => (
                <li
                  key={suggestion.value}
                  role="option"
                  aria-selected={index === highlight}
                  className={index === highlight ? 'highlighted' : undefined}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    event.stopPropagation();
                    commitEditing(null, suggestion.value);
                    focusEditor();
                  }}
                >
                  <span className="grid-picker-label">{suggestion.label}</span>
                  {suggestion.detail && <span className="grid-picker-detail">{suggestion.detail}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {activeMark && (
        <p className={`grid-message mark-${activeMark.level}`} role="status">
          {activeMark.message}
        </p>
      )}
      {confirmRows && (
        <ConfirmDialog
          title={t('grid.deleteTitle')}
          message={t('grid.deleteMessage', { count: confirmRows.length, first: confirmRows[0]! + 1, last: confirmRows[confirmRows.length - 1]! + 1 })}
          confirmLabel={t('grid.deleteConfirm', { count: confirmRows.length })}
          cancelLabel={t('grid.cancel')}
          onConfirm={() => {
            const rows = confirmRows;
            setConfirmRows(null);
            model.deleteRows(rows);
            setAnchor(active);
            focusEditor();
          }}
          onCancel={() => {
            setConfirmRows(null);
            focusEditor();
          }}
        />
      )}
    </div>
  );
}

const NO_DATA: unknown[] = [];

/** Rows rendered beyond each edge of the viewport. */
const OVERSCAN = 2;

/**
 * Rows are keyed by a slot (row index modulo the most rows ever rendered at once, made even), not by
 * record: a row scrolling in takes over the DOM of a row that scrolled out, so scrolling updates text
 * and attributes instead of creating elements, and a fast scroll reuses every row. The count only
 * grows, so a row that stays in view keeps its slot; an even count keeps a slot's odd/even stripe.
 */
function useSlotCount(renderedRows: number): number {
  const slots = useRef(2);
  if (renderedRows > slots.current) slots.current = renderedRows + (renderedRows % 2);
  return slots.current;
}

interface GridHeaderProps {
  table: Table<unknown>;
  /** Not read: a new value re-renders the header while a column is resized. */
  columnSizing: ColumnSizingState;
  model: GridModel;
  widths: number[];
  totalWidth: number;
}

/** The frozen header: column titles (sort, resize) and the filter row. Memoized: scrolling does not touch it. */
const GridHeader = memo(function GridHeader({ table, model, widths, totalWidth }: GridHeaderProps) {
  const { t } = useTranslation('workbench');
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const columns = model.columns;
  return (
    <div className="grid-header" role="rowgroup" style={{ width: totalWidth }}>
      <div className="grid-header-row" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
        <div className="grid-corner" role="columnheader" style={{ width: ROW_HEADER_WIDTH }} />
        {headers.map((header, index) => {
          const column = columns[index] as GridColumn;
          const sorted = model.sort?.column === column.id ? model.sort.direction : null;
          return (
            <div
              key={header.id}
              role="columnheader"
              aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
              className={`grid-colheader${column.align === 'end' ? ' end' : ''}`}
              style={{ width: header.getSize() }}
              data-col={column.id}
            >
              <button type="button" className="grid-sort" onClick={() => model.onSort(column.id)} title={t('grid.sortBy', { column: column.header })}>
                <span className="grid-colheader-text">{column.header}</span>
                <span className="grid-sort-mark" aria-hidden>
                  {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                </span>
              </button>
              <span
                className="grid-resize"
                onMouseDown={header.getResizeHandler()}
                onDoubleClick={() => header.column.resetSize()}
                role="separator"
                aria-orientation="vertical"
                aria-label={t('grid.resize', { column: column.header })}
              />
            </div>
          );
        })}
      </div>
      <div className="grid-filter-row" role="row" style={{ height: FILTER_HEIGHT }}>
        <div className="grid-corner grid-filter-corner" role="columnheader" style={{ width: ROW_HEADER_WIDTH }}>
          {t('grid.filter')}
        </div>
        {columns.map((column, index) => (
          <div key={column.id} className="grid-filter-cell" role="columnheader" style={{ width: widths[index] }}>
            <input
              type="search"
              value={model.filters[column.id] ?? ''}
              onChange={(event) => model.onFilter(column.id, event.target.value)}
              aria-label={t('grid.filterColumn', { column: column.header })}
              placeholder="…"
              spellCheck={false}
              autoComplete="off"
            />
          </div>
        ))}
      </div>
    </div>
  );
});

interface GridRowsProps {
  /** Null before the grid is mounted: the virtualizer needs the element when it first runs. */
  scrollElement: HTMLDivElement | null;
  rowCount: number;
  headerHeight: number;
  totalWidth: number;
  model: GridModel;
  widths: number[];
  range: CellRange;
  active: CellPos;
}

/**
 * The rows in view. It owns the virtualizer, so a scroll re-renders this list and nothing else of
 * the grid.
 */
function GridRows({ scrollElement, rowCount, headerHeight, totalWidth, model, widths, range, active }: GridRowsProps) {
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollElement,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const slots = useSlotCount(items.length);
  // In slot order, so that React never moves row elements (aria-rowindex gives assistive tech the order).
  const rowsInSlotOrder = [...items].sort((a, b) => (a.index % slots) - (b.index % slots));
  return rowsInSlotOrder.map((item) => {
    const row = item.index;
    const inRows = row >= range.top && row <= range.bottom;
    return (
      <GridRow
        key={row % slots}
        row={row}
        top={item.start - headerHeight}
        width={totalWidth}
        model={model}
        widths={widths}
        selectedFrom={inRows ? range.left : -1}
        selectedTo={inRows ? range.right : -1}
        activeColumn={row === active.row ? active.column : -1}
      />
    );
  });
}

interface GridRowProps {
  row: number;
  top: number;
  width: number;
  model: GridModel;
  widths: number[];
  /** The selected columns of this row, or -1 when the row is outside the selection. */
  selectedFrom: number;
  selectedTo: number;
  activeColumn: number;
}

/**
 * One visible row. Memoized: moving the selection or scrolling re-renders only the rows whose
 * selection changed and the rows that came into view.
 */
const GridRow = memo(function GridRow({ row, top, width, model, widths, selectedFrom, selectedTo, activeColumn }: GridRowProps) {
  const kind = model.rowKind(row);
  const rowMark = model.rowMark?.(row) ?? null;
  return (
    <div
      role="row"
      aria-rowindex={row + 2}
      data-row={row}
      data-key={model.rowKey(row)}
      data-kind={kind}
      className={`grid-row ${kind}${row % 2 === 1 ? ' odd' : ''}`}
      style={{ transform: `translateY(${top}px)`, width, height: ROW_HEIGHT }}
    >
      <div
        role="rowheader"
        className={`grid-rowheader${selectedFrom >= 0 ? ' selected' : ''}${rowMark ? ` mark-${rowMark.level}` : ''}`}
        data-rowheader={row}
        style={{ width: ROW_HEADER_WIDTH }}
        title={rowMark?.message}
      >
        {kind === 'blank' ? '＋' : row + 1}
      </div>
      {model.columns.map((column, index) => {
        const mark = model.cellMark(row, index);
        const selected = selectedFrom >= 0 && index >= selectedFrom && index <= selectedTo;
        const text = model.cellText(row, index);
        const classes = ['grid-cell'];
        if (column.align === 'end') classes.push('end');
        if (column.readOnly) classes.push('readonly');
        if (selected) classes.push('selected');
        if (index === activeColumn) classes.push('active');
        if (mark) classes.push(`mark-${mark.level}`);
        return (
          <div
            key={column.id}
            role="gridcell"
            className={classes.join(' ')}
            style={{ width: widths[index] }}
            data-col={column.id}
            data-col-index={index}
            aria-selected={selected}
            aria-invalid={mark && (mark.level === 'error' || mark.level === 'draft') ? true : undefined}
            aria-readonly={column.readOnly ? true : undefined}
            title={mark?.message ?? (text.length > 8 ? text : undefined)}
          >
            {text}
          </div>
        );
      })}
    </div>
  );
});

function countRecords(model: GridModel): number {
  let count = model.rowCount;
  while (count > 0 && model.rowKind(count - 1) === 'blank') count -= 1;
  return count;
}

function insertAtCaret(editor: HTMLTextAreaElement, text: string): void {
  const { selectionStart, selectionEnd, value } = editor;
  editor.value = value.slice(0, selectionStart) + text + value.slice(selectionEnd);
  editor.setSelectionRange(selectionStart + text.length, selectionStart + text.length);
}
