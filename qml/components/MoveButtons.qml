import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldbook

// The pipeline moves the core offers from a record's state, one button each; a move that is not
// allowed is shown disabled with the core's reason. A move that needs answers asks for them in
// the record's form (formRequested); the others are saved at once after a confirmation.
ColumnLayout {
    id: root

    property RecordController controller

    signal formRequested(var presets)

    spacing: 4
    visible: controller && controller.moves.length > 0

    Repeater {
        model: root.controller ? root.controller.moves : []
        delegate: ColumnLayout {
            id: move
            required property var modelData
            required property int index
            spacing: 2
            Layout.fillWidth: true
            Button {
                objectName: "moveButton"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.touch
                text: move.modelData.label
                enabled: move.modelData.allowed
                Accessible.name: text
                onClicked: {
                    if (move.modelData.needsForm) {
                        root.formRequested(move.modelData.presets)
                    } else {
                        confirm.moveIndex = move.index
                        confirm.text = move.modelData.label + "?"
                        confirm.open()
                    }
                }
            }
            Label {
                visible: !move.modelData.allowed && move.modelData.why.length > 0
                text: move.modelData.why
                color: Theme.muted
                font.pixelSize: Theme.smallFontSize
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
        }
    }

    ConfirmDialog {
        id: confirm
        objectName: "moveDialog"
        property int moveIndex: -1
        title: qsTr("Save this step?")
        acceptText: qsTr("Save")
        onAccepted: root.controller.applyMove(moveIndex)
    }
}
