import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// A reminder tied to this form (e.g. the baseline assessment on a first play session) with a
// button that opens the other form.
Pane {
    id: root

    property string text

    signal openRequested()

    padding: Theme.spacing
    Material.background: Theme.warningSurface
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    ColumnLayout {
        anchors.fill: parent
        Label { text: root.text; wrapMode: Text.Wrap; Layout.fillWidth: true; color: Theme.warning; font.bold: true }
        Button {
            text: qsTr("Open the assessment")
            Layout.preferredHeight: Theme.touch
            Accessible.name: text
            onClicked: root.openRequested()
        }
    }
}
