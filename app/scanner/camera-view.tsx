// The full-screen camera: the rear camera's picture, read continuously for QR codes. The same code
// is ignored for a few seconds (a ticket held still must not beep again and again), any other
// code is taken at once.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CameraError, openRearCamera, type Camera, type CameraProblem } from './camera.ts'
import { createQrDetector } from './detector.ts'

export const SAME_CODE_PAUSE_MS = 3_000
const FRAME_GAP_MS = 80

type Problem = CameraProblem | 'decoder'

export function CameraView({
	onCode,
	onClose,
	onReady,
	status,
}: {
	onCode: (code: string) => void
	onClose: () => void
	/** Called once the QR reader is loaded (the service worker may then keep its files). */
	onReady?: () => void
	status: React.ReactNode
}) {
	const { t } = useTranslation('scan')
	const video = useRef<HTMLVideoElement>(null)
	const [camera, setCamera] = useState<Camera>()
	const [problem, setProblem] = useState<Problem>()
	const [torch, setTorch] = useState(false)
	const [reading, setReading] = useState(false)
	// The latest callbacks, without restarting the camera when they change.
	const handlers = useRef({ onCode, onReady })
	handlers.current = { onCode, onReady }

	useEffect(() => {
		let stopped = false
		let opened: Camera | undefined
		// A phone at the door must not go dark between two visitors.
		let wakeLock: { release(): Promise<void> } | undefined
		void (navigator as { wakeLock?: { request(type: 'screen'): Promise<{ release(): Promise<void> }> } }).wakeLock
			?.request('screen')
			.then((lock) => {
				if (stopped) void lock.release().catch(() => undefined)
				else wakeLock = lock
			})
			.catch(() => undefined)
		const last = { code: '', at: 0 }
		async function run() {
			try {
				const [cam, detector] = await Promise.all([
					openRearCamera(),
					createQrDetector().catch((error: unknown) => {
						throw Object.assign(new Error('decoder'), { cause: error, problem: 'decoder' as const })
					}),
				])
				opened = cam
				if (stopped) return cam.stop()
				setCamera(cam)
				const element = video.current!
				element.srcObject = cam.stream
				await element.play().catch(() => undefined)
				setReading(true)
				handlers.current.onReady?.()
				while (!stopped) {
					let codes: string[] = []
					try {
						codes = await detector.detect(element)
					} catch {
						// A frame the decoder could not take (camera still starting): try the next one.
					}
					const now = Date.now()
					for (const code of codes) {
						if (code === last.code && now - last.at < SAME_CODE_PAUSE_MS) continue
						last.code = code
						last.at = now
						handlers.current.onCode(code)
						break
					}
					await new Promise((resolve) => setTimeout(resolve, FRAME_GAP_MS))
				}
			} catch (error) {
				if (stopped) return
				const failed = error as { problem?: 'decoder' }
				setProblem(error instanceof CameraError ? error.problem : failed.problem === 'decoder' ? 'decoder' : 'failed')
				opened?.stop()
			}
		}
		void run()
		return () => {
			stopped = true
			opened?.stop()
			void wakeLock?.release().catch(() => undefined)
		}
	}, [])

	// Escape closes the camera, as the close button does.
	useEffect(() => {
		const onKey = (event: KeyboardEvent) => {
			if (event.key === 'Escape') onClose()
		}
		window.addEventListener('keydown', onKey)
		return () => window.removeEventListener('keydown', onKey)
	}, [onClose])

	async function toggleTorch() {
		if (!camera) return
		setTorch(await camera.setTorch(!torch))
	}

	return (
		<div className="scan-camera" role="dialog" aria-modal="true" aria-label={t('camera.label')} data-reading={reading ? 'true' : 'false'}>
			<video ref={video} muted playsInline autoPlay aria-hidden="true" />
			{problem ? null : <div className="scan-viewfinder" aria-hidden="true" />}
			<div className="scan-camera-bar">
				<div className="scan-status">{status}</div>
				<div className="button-row">
					{camera?.hasTorch ? (
						<button type="button" className="scan-camera-button" aria-pressed={torch} onClick={() => void toggleTorch()}>
							{t('camera.torch')}
						</button>
					) : null}
					<button type="button" className="scan-camera-button" onClick={onClose}>
						{t('camera.close')}
					</button>
				</div>
			</div>
			{problem ? (
				<div className="scan-camera-message" role="alert">
					<p>{t(`camera.problem.${problem}`)}</p>
					<button type="button" className="button" onClick={onClose}>
						{t('camera.back')}
					</button>
				</div>
			) : null}
			<div className="scan-camera-bar bottom">
				{problem ? null : <p className="scan-camera-hint">{reading ? t('camera.aim') : t('camera.starting')}</p>}
				<button type="button" className="scan-camera-button" onClick={onClose}>
					{t('camera.search')}
				</button>
			</div>
		</div>
	)
}
