import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// Horizontal bars, one per {label, count, text}, scaled to the largest count.
ColumnLayout {
    id: root

    property var bars: []
    readonly property int largest: bars.reduce((most, bar) => Math.max(most, bar.count), 0)

    spacing: 4

    Repeater {
        model: root.bars
        delegate: RowLayout {
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                text: modelData.label
                Layout.preferredWidth: root.width * 0.42
                elide: Text.ElideRight
            }
            Rectangle {
                Layout.preferredWidth: root.largest > 0 ? (root.width * 0.45) * modelData.count / root.largest : 0
                Layout.preferredHeight: 14
                radius: 3
                color: Theme.primary
                Accessible.ignored: true
            }
            Label { text: modelData.text; color: Theme.muted }
            Item { Layout.fillWidth: true }
        }
    }
}
