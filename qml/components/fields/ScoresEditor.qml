import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// A score for each domain (RADAR: 1 = no support needed … 5 = urgent), one row of buttons each.
ColumnLayout {
    id: root

    property var field
    readonly property var scores: field && field.value && typeof field.value === "object" ? field.value : ({})
    readonly property int low: field && field.minimum !== undefined && field.minimum !== null ? field.minimum : 1
    readonly property int high: field && field.maximum !== undefined && field.maximum !== null ? field.maximum : 5

    function set(domain, score) {
        const next = Object.assign({}, scores)
        next[domain] = score
        field.commit(next)
    }

    spacing: Theme.spacing / 2

    Label { text: qsTr("%1 = no support needed … %2 = urgent").arg(root.low).arg(root.high); color: Theme.muted }
    Repeater {
        // Each row carries the scale, so that its buttons need nothing from outside the row.
        model: (root.field ? root.field.choices : []).map(c => ({ value: c.value, label: c.label, low: root.low, high: root.high }))
        delegate: ColumnLayout {
            id: row
            required property var modelData
            Layout.fillWidth: true
            spacing: 0
            Label { text: row.modelData.label; Layout.fillWidth: true; wrapMode: Text.Wrap }
            RowLayout {
                spacing: 4
                Repeater {
                    model: Array.from({ length: row.modelData.high - row.modelData.low + 1 },
                                      (_, i) => ({ score: row.modelData.low + i, label: row.modelData.label }))
                    delegate: RoundButton {
                        id: scoreButton
                        required property var modelData
                        readonly property int score: scoreButton.modelData.score
                        text: scoreButton.score
                        implicitWidth: Theme.touch
                        implicitHeight: Theme.touch
                        Accessible.name: qsTr("%1: %2").arg(scoreButton.modelData.label).arg(scoreButton.score)
                        onClicked: () => root.set(row.modelData.value, scoreButton.score)
                    }
                    onItemAdded: (index, item) => { item.highlighted = Qt.binding(() => root.scores[row.modelData.value] === item.score) }
                }
            }
        }
    }
}
