// A QR code drawn inline as one SVG path (the server's `drawQr`): it shows at once, prints sharp
// and stays on a page saved for offline. The ticket page, the printed ticket sheets and badges,
// and the survey poster draw theirs with it.
export type QrDrawing = { size: number; path: string }

export function QrImage({ qr, label, className }: { qr: QrDrawing; label: string; className: string }) {
	return (
		<svg
			className={className}
			viewBox={`0 0 ${qr.size} ${qr.size}`}
			role="img"
			aria-label={label}
			shapeRendering="crispEdges"
			xmlns="http://www.w3.org/2000/svg"
		>
			<rect width={qr.size} height={qr.size} fill="#fff" />
			<path d={qr.path} fill="#000" />
		</svg>
	)
}
