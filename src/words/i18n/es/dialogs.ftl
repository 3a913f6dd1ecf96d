### dialogs: español latinoamericano neutro
