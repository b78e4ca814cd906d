import { create } from 'qrcode';
import { useMemo } from 'react';

/** Four modules of blank border, the width the QR standard asks for so cameras find the code. */
const QUIET_ZONE = 4;

/**
 * A QR code drawn as SVG rects from the symbol's module matrix: the CSP forbids data: URLs and innerHTML,
 * which the library's own renderers need. Each row's dark runs are merged into one rect to keep the DOM small.
 */
export function QrCode({ text }: { text: string }) {
  const { size, runs } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const found: { x: number; y: number; width: number }[] = [];
    for (let y = 0; y < modules.size; y++) {
      let start = -1;
      for (let x = 0; x <= modules.size; x++) {
        const dark = x < modules.size && modules.get(y, x) === 1;
        if (dark && start < 0) start = x;
        if (!dark && start >= 0) {
          found.push({ x: start, y, width: x - start });
          start = -1;
        }
      }
    }
    return { size: modules.size, runs: found };
  }, [text]);
  const extent = size + QUIET_ZONE * 2;

  return (
    <svg
      className="qr-code"
      role="img"
      aria-label="Pairing QR code"
      viewBox={`0 0 ${extent} ${extent}`}
      shapeRendering="crispEdges"
    >
      <rect className="qr-code__light" width={extent} height={extent} />
      {runs.map(({ x, y, width }) => (
        <rect
          key={`${x}:${y}`}
          className="qr-code__dark"
          x={x + QUIET_ZONE}
          y={y + QUIET_ZONE}
          width={width}
          height={1}
        />
      ))}
    </svg>
  );
}
