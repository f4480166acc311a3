import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import Fieldbook

// The person's own choices: language, text size, how soon the app locks itself, and the PIN.
// Kept on this phone only (AppSettings); the PIN change re-wraps the data key (PinChange).
Page {
    id: root

    signal backRequested()

    title: qsTr("Settings")
    background: Rectangle { color: Theme.page }
    header: PageHeader { title: root.title; showBack: true; onBackRequested: root.backRequested() }

    PinChange { id: pinChange }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - 2 * Theme.margin
            x: Theme.margin
            spacing: Theme.spacing

            Label { text: qsTr("Language"); font.bold: true; Layout.topMargin: Theme.margin; Accessible.role: Accessible.Heading }
            ComboBox {
                id: languageBox
                objectName: "languageChoice"
                Layout.fillWidth: true
                model: AppSettings.availableLanguages
                textRole: "name"
                valueRole: "code"
                Accessible.name: qsTr("Language")
                Accessible.description: qsTr("Fieldbook follows the phone's language unless you choose one.")
                Component.onCompleted: currentIndex = indexOfValue(AppSettings.language)
                onActivated: AppSettings.language = currentValue
            }

            Label { text: qsTr("Text size"); font.bold: true; Accessible.role: Accessible.Heading }
            Label {
                text: qsTr("On top of the phone's own text size: %1 %").arg(Math.round(AppSettings.textScale * 100))
                wrapMode: Text.Wrap
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Repeater {
                    model: AppSettings.textScaleChoices
                    delegate: Button {
                        id: scaleButton
                        required property real modelData
                        objectName: "textScale" + Math.round(scaleButton.modelData * 100)
                        text: Math.round(scaleButton.modelData * 100) + " %"
                        checkable: true
                        checked: Math.abs(AppSettings.textScale - scaleButton.modelData) < 0.01
                        Accessible.name: qsTr("Text size %1 %").arg(Math.round(scaleButton.modelData * 100))
                        onClicked: AppSettings.textScale = scaleButton.modelData
                    }
                }
            }

            Label { text: qsTr("Lock after"); font.bold: true; Accessible.role: Accessible.Heading }
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing / 2
                Repeater {
                    model: AppSettings.lockDelayChoices
                    delegate: Button {
                        id: delayButton
                        required property int modelData
                        objectName: "lockDelay" + delayButton.modelData
                        text: qsTr("%n minute(s)", "", delayButton.modelData)
                        checkable: true
                        checked: AppSettings.lockDelayMinutes === delayButton.modelData
                        Accessible.name: qsTr("Lock after %n minute(s) without use", "", delayButton.modelData)
                        onClicked: AppSettings.lockDelayMinutes = delayButton.modelData
                    }
                }
            }

            Label { text: qsTr("Change the PIN"); font.bold: true; Accessible.role: Accessible.Heading }
            TextField {
                id: currentPin
                objectName: "currentPin"
                Layout.fillWidth: true
                placeholderText: qsTr("Current PIN")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("Current PIN")
            }
            TextField {
                id: newPin
                objectName: "newPin"
                Layout.fillWidth: true
                placeholderText: qsTr("New PIN (4 to 12 digits)")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("New PIN")
            }
            TextField {
                id: repeatPin
                objectName: "repeatPin"
                Layout.fillWidth: true
                placeholderText: qsTr("New PIN again")
                echoMode: TextInput.Password
                inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                Accessible.name: qsTr("New PIN again")
            }
            Label {
                id: pinMessage
                objectName: "pinMessage"
                property bool good: false
                visible: text.length > 0
                wrapMode: Text.Wrap
                Layout.fillWidth: true
                color: pinMessage.good ? Theme.good : Theme.bad
            }
            Button {
                objectName: "changePin"
                text: qsTr("Change the PIN")
                highlighted: true
                enabled: currentPin.text.length > 0 && newPin.text.length > 0
                Accessible.name: text
                Accessible.description: qsTr("Your records stay as they are; only the PIN that opens them changes.")
                onClicked: {
                    const problem = pinChange.change(currentPin.text, newPin.text, repeatPin.text)
                    pinMessage.good = problem.length === 0
                    pinMessage.text = problem.length === 0 ? qsTr("The PIN was changed.") : problem
                    currentPin.clear()
                    newPin.clear()
                    repeatPin.clear()
                }
            }
            Item { Layout.preferredHeight: Theme.margin }
        }
    }
}
