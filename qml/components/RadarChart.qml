import QtQuick
import Fieldbook

// The RADAR spider chart: one spoke per domain, score 1 (no support needed) at the centre and 5
// (urgent) at the rim, start and exit as two polygons. `domains` is a list of
// {label, start, exit}; a score of 0 means "not scored" and keeps that polygon off the chart.
Canvas {
    id: root

    property var domains: []
    property color startColor: Theme.accent
    property color exitColor: Theme.primary

    implicitHeight: 260
    Accessible.role: Accessible.Chart
    Accessible.name: qsTr("RADAR start against exit")

    onDomainsChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        const n = domains.length
        if (n < 3)
            return
        const cx = width / 2, cy = height / 2
        const radius = Math.min(width, height) / 2 - 34
        const point = (i, score) => {
            const angle = -Math.PI / 2 + 2 * Math.PI * i / n
            const r = radius * Math.max(0, Math.min(1, (score - 1) / 4))
            return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)]
        }
        ctx.strokeStyle = Theme.muted
        ctx.globalAlpha = 0.35
        for (let ring = 2; ring <= 5; ++ring) {
            ctx.beginPath()
            for (let i = 0; i <= n; ++i) {
                const p = point(i % n, ring)
                i === 0 ? ctx.moveTo(p[0], p[1]) : ctx.lineTo(p[0], p[1])
            }
            ctx.stroke()
        }
        ctx.globalAlpha = 1
        ctx.fillStyle = Theme.muted
        ctx.font = "11px sans-serif"
        for (let i = 0; i < n; ++i) {
            const p = point(i, 5)
            ctx.beginPath(); ctx.moveTo(cx, cy); ctx.lineTo(p[0], p[1]); ctx.stroke()
            const label = domains[i].label
            const w = ctx.measureText(label).width
            const x = p[0] < cx - 1 ? p[0] - w - 2 : (p[0] > cx + 1 ? p[0] + 2 : p[0] - w / 2)
            const y = p[1] < cy - 1 ? p[1] - 4 : (p[1] > cy + 1 ? p[1] + 12 : p[1] + 4)
            ctx.fillText(label, Math.max(0, Math.min(width - w, x)), y)
        }
        const polygon = (key, colour) => {
            for (let i = 0; i < n; ++i)
                if (!(domains[i][key] > 0))
                    return
            ctx.beginPath()
            for (let i = 0; i < n; ++i) {
                const p = point(i, domains[i][key])
                i === 0 ? ctx.moveTo(p[0], p[1]) : ctx.lineTo(p[0], p[1])
            }
            ctx.closePath()
            ctx.globalAlpha = 0.2; ctx.fillStyle = colour; ctx.fill()
            ctx.globalAlpha = 1; ctx.lineWidth = 2; ctx.strokeStyle = colour; ctx.stroke()
            ctx.lineWidth = 1
        }
        polygon("start", startColor)
        polygon("exit", exitColor)
    }
}
