import QtQuick
import QtQuick.Controls
import Fieldbook

// One line of text.
TextField {
    id: root

    property var field

    text: field && field.value !== undefined && field.value !== null ? String(field.value) : ""
    maximumLength: field ? field.maxLength : 200
    implicitHeight: Theme.touch + 4
    Accessible.name: field ? field.label : ""
    onTextEdited: field.commit(text)
}
