import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The forms for a case: the main ones as big buttons (contacts first, the safeguarding report
// always, in red), the rest behind "More forms" so that a long list does not bury them.
ColumnLayout {
    id: root

    property var forms: []
    property bool expanded: false
    readonly property var main: forms.filter(f => f.main)
    readonly property var more: forms.filter(f => !f.main)

    signal chosen(string recordType)

    spacing: Theme.spacing / 2

    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing / 2
        Repeater {
            model: root.main
            delegate: Button {
                id: mainForm
                required property var modelData
                readonly property bool safeguarding: mainForm.modelData.recordType === "safeguarding_report"
                objectName: "form_" + mainForm.modelData.recordType
                text: mainForm.safeguarding ? "⚠ " + mainForm.modelData.title : mainForm.modelData.title
                highlighted: mainForm.modelData.contact
                Material.background: mainForm.safeguarding ? Theme.badSurface : undefined
                Material.foreground: mainForm.safeguarding ? Theme.bad : undefined
                height: Theme.touch + 4
                Accessible.name: mainForm.modelData.title
                onClicked: () => root.chosen(mainForm.modelData.recordType)
            }
        }
    }
    Button {
        visible: root.more.length > 0
        flat: true
        text: root.expanded ? qsTr("Fewer forms") : qsTr("More forms (%1)").arg(root.more.length)
        Layout.preferredHeight: Theme.touch
        Accessible.name: text
        onClicked: root.expanded = !root.expanded
    }
    Repeater {
        model: root.expanded ? root.more : []
        delegate: ItemDelegate {
            id: moreForm
            required property var modelData
            objectName: "form_" + moreForm.modelData.recordType
            Layout.fillWidth: true
            text: moreForm.modelData.title
            Accessible.name: moreForm.modelData.title
            onClicked: () => root.chosen(moreForm.modelData.recordType)
        }
    }
}
