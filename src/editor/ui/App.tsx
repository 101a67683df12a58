import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { EditorController, parseExamples } from '../controller';
import { Canvas } from './Canvas';
import { EditorContext, useController } from './context';
import { ConnectMenu, Dialogs, Notices, OtherTabBanner } from './Dialogs';
import { EdgeMarkers } from './EdgeMarkers';
import { LayoutControls } from './LayoutStatus';
import { FindingsPanel } from './FindingsPanel';
import { Header } from './Header';
import { Inspector } from './Inspector';
import { Legend, Palette } from './Palette';

const exampleFiles = import.meta.glob<string>('/examples/*.toc.json', { query: '?raw', import: 'default', eager: true });

function OpenInput() {
  const controller = useController();
  return (
    <input
      ref={(input) => {
        controller.openInput = input;
      }}
      id="open-file-input"
      type="file"
      accept=".json,application/json"
      className="sr-only"
      tabIndex={-1}
      aria-label="Open a model file"
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) void controller.openFile(file, null);
      }}
    />
  );
}

export function App() {
  const [controller] = useState(() => new EditorController(parseExamples(exampleFiles)));
  // The controller lives as long as the page: its listeners (keys, files, autosave) are never torn down.
  useEffect(() => void controller.start(), [controller]);
  return (
    <EditorContext.Provider value={controller}>
      <ReactFlowProvider>
        <div className="app">
          <Header />
          <Notices />
          <OtherTabBanner />
          <div className="app-body">
            <aside className="sidebar sidebar--left" aria-label="Palette and legend">
              <Palette />
              <Legend />
            </aside>
            <main className="canvas-area" aria-label="Canvas">
              <Canvas />
              <LayoutControls />
            </main>
            <aside className="sidebar sidebar--right" aria-label="Inspector and findings">
              <Inspector />
              <FindingsPanel />
            </aside>
          </div>
          <OpenInput />
          <ConnectMenu />
          <Dialogs />
          <EdgeMarkers />
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}
