import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// A titled list of records ({recordType, recordId, title, summary}); a tap opens the record.
ColumnLayout {
    id: root

    property string heading
    property var records: []

    signal recordRequested(string recordType, string recordId)

    spacing: 4
    visible: records.length > 0

    Label { text: root.heading; font.bold: true; font.pixelSize: 17; Layout.topMargin: Theme.spacing }
    Repeater {
        model: root.records
        delegate: ItemDelegate {
            id: link
            required property var modelData
            objectName: "recordLink"
            Layout.fillWidth: true
            padding: Theme.spacing
            Accessible.name: link.modelData.title
            contentItem: ColumnLayout {
                spacing: 0
                Label { text: link.modelData.title; wrapMode: Text.Wrap; Layout.fillWidth: true }
                Label { text: link.modelData.summary; visible: text.length > 0; color: Theme.muted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
            onClicked: () => root.recordRequested(link.modelData.recordType, link.modelData.recordId)
        }
    }
}
