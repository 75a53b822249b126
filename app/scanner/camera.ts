// The rear camera, and its torch where the phone has one.
export type Camera = {
	stream: MediaStream
	track: MediaStreamTrack
	hasTorch: boolean
	setTorch(on: boolean): Promise<boolean>
	stop(): void
}

export type CameraProblem = 'insecure' | 'unsupported' | 'denied' | 'not_found' | 'failed'

export class CameraError extends Error {
	constructor(
		readonly problem: CameraProblem,
		cause?: unknown,
	) {
		super(`camera: ${problem}`, { cause })
	}
}

type TorchCapabilities = MediaTrackCapabilities & { torch?: boolean }

export async function openRearCamera(): Promise<Camera> {
	// Browsers give the camera only to https:// pages (and localhost).
	if (!window.isSecureContext) throw new CameraError('insecure')
	if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('unsupported')
	let stream: MediaStream
	try {
		stream = await navigator.mediaDevices.getUserMedia({
			audio: false,
			// "ideal": a laptop with only a front camera still works.
			video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
		})
	} catch (error) {
		const name = (error as DOMException | undefined)?.name
		if (name === 'NotAllowedError' || name === 'SecurityError') throw new CameraError('denied', error)
		if (name === 'NotFoundError' || name === 'OverconstrainedError') throw new CameraError('not_found', error)
		throw new CameraError('failed', error)
	}
	const track = stream.getVideoTracks()[0]
	if (!track) throw new CameraError('not_found')
	const capabilities = (typeof track.getCapabilities === 'function' ? track.getCapabilities() : {}) as TorchCapabilities
	const hasTorch = capabilities.torch === true
	return {
		stream,
		track,
		hasTorch,
		async setTorch(on) {
			if (!hasTorch) return false
			try {
				await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
				return on
			} catch {
				return false
			}
		},
		stop() {
			for (const t of stream.getTracks()) t.stop()
		},
	}
}
