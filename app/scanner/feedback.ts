// What the volunteer hears and feels with each verdict, so the screen need not be read at a busy
// door: one high beep for welcome, two middle beeps for "already in", a low buzz for "no", and a
// falling two-note for a scan the phone could only keep for the server.
import type { VerdictTone } from './verdict.ts'

let audio: AudioContext | undefined

/** Browsers start audio only after a gesture: call this from the button that starts scanning. */
export function unlockAudio() {
	try {
		audio ??= new AudioContext()
		if (audio.state === 'suspended') void audio.resume()
	} catch {
		audio = undefined
	}
}

const PATTERNS: Record<VerdictTone, { tones: { hz: number; ms: number }[]; wave: OscillatorType; vibrate: number[] }> = {
	green: { tones: [{ hz: 1320, ms: 140 }], wave: 'sine', vibrate: [80] },
	amber: {
		tones: [
			{ hz: 880, ms: 110 },
			{ hz: 880, ms: 110 },
		],
		wave: 'triangle',
		vibrate: [80, 80, 80],
	},
	red: { tones: [{ hz: 220, ms: 420 }], wave: 'square', vibrate: [300, 100, 300] },
	// Kept for later (the phone could not decide): a soft double note, unlike any verdict.
	grey: {
		tones: [
			{ hz: 660, ms: 90 },
			{ hz: 520, ms: 140 },
		],
		wave: 'sine',
		vibrate: [60],
	},
}

export function signal(tone: VerdictTone) {
	const pattern = PATTERNS[tone]
	try {
		navigator.vibrate?.(pattern.vibrate)
	} catch {
		// Some browsers refuse vibration without a recent gesture; the sound and colour remain.
	}
	if (!audio || audio.state !== 'running') return
	let at = audio.currentTime + 0.01
	for (const { hz, ms } of pattern.tones) {
		const oscillator = audio.createOscillator()
		const gain = audio.createGain()
		oscillator.type = pattern.wave
		oscillator.frequency.value = hz
		gain.gain.setValueAtTime(0.0001, at)
		gain.gain.exponentialRampToValueAtTime(0.25, at + 0.01)
		gain.gain.exponentialRampToValueAtTime(0.0001, at + ms / 1000)
		oscillator.connect(gain).connect(audio.destination)
		oscillator.start(at)
		oscillator.stop(at + ms / 1000 + 0.02)
		at += ms / 1000 + 0.06
	}
}
