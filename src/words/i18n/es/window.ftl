### window: español latinoamericano neutro
