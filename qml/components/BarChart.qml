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
        // Each bar carries its share of the largest, so that a row needs nothing from outside.
        model: root.bars.map(b => Object.assign({ share: root.largest > 0 ? b.count / root.largest : 0 }, b))
        delegate: RowLayout {
            id: bar
            required property var modelData
            Layout.fillWidth: true
            spacing: Theme.spacing / 2
            Label {
                text: bar.modelData.label
                Layout.preferredWidth: bar.width * 0.42
                elide: Text.ElideRight
            }
            Rectangle {
                Layout.preferredWidth: bar.modelData.share * bar.width * 0.45
                Layout.preferredHeight: 14
                radius: 3
                color: Theme.primary
                Accessible.ignored: true
            }
            Label { text: bar.modelData.text; color: Theme.muted }
            Item { Layout.fillWidth: true }
        }
    }
}
