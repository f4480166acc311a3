import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// One field of a form: label with a required marker, help, the editor for its type, a hint, and
// the validator's message saying what to fix. Editors call commit() with the new answer.
ColumnLayout {
    id: root

    required property string name
    required property string label
    required property string help
    required property string type
    required property bool required
    required property var choices
    required property var minimum
    required property var maximum
    required property int maxLength
    required property bool fieldVisible
    required property var value
    required property string error
    required property string hint
    required property var options
    property FormController controller

    function commit(answer) { controller.setValue(name, answer) }

    objectName: "field_" + name
    visible: fieldVisible
    spacing: 4

    Label {
        Layout.fillWidth: true
        text: root.label + (root.required ? " <font color='" + Theme.bad + "'>*</font>" : "")
        textFormat: Text.StyledText
        font.bold: true
        wrapMode: Text.Wrap
        Accessible.name: root.label + (root.required ? qsTr(", required") : "")
    }
    Label {
        // A format pattern ("YYYY-MM-DD") is for the server; the date editors already guide the person.
        visible: root.help.length > 0 && !root.help.startsWith("YYYY")
        text: root.help
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Loader {
        Layout.fillWidth: true
        sourceComponent: {
            switch (root.type) {
            case "long_text": return longText
            case "date": return dateEditor
            case "instant": return instantEditor
            case "integer": return integerEditor
            case "boolean": return booleanEditor
            case "choice": return choiceEditor
            case "multi_choice": return multiChoiceEditor
            case "record_ref":
            case "user_ref": return referenceEditor
            case "scores": return scoresEditor
            case "restrictions": return restrictionsEditor
            default: return textEditor
            }
        }
        onLoaded: item.field = root
    }
    Label { visible: root.hint.length > 0; text: "ℹ " + root.hint; color: Theme.primary; wrapMode: Text.Wrap; Layout.fillWidth: true }
    Label {
        objectName: "error_" + root.name
        visible: root.error.length > 0
        text: "⚠ " + root.error
        color: Theme.bad
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        Accessible.name: root.error
    }

    Component { id: textEditor; TextEditor {} }
    Component { id: longText; LongTextEditor {} }
    Component { id: dateEditor; DateEditor {} }
    Component { id: instantEditor; InstantEditor {} }
    Component { id: integerEditor; IntegerEditor {} }
    Component { id: booleanEditor; BooleanEditor {} }
    Component { id: choiceEditor; ChoiceEditor {} }
    Component { id: multiChoiceEditor; MultiChoiceEditor {} }
    Component { id: referenceEditor; ReferenceEditor {} }
    Component { id: scoresEditor; ScoresEditor {} }
    Component { id: restrictionsEditor; RestrictionsEditor {} }
}
