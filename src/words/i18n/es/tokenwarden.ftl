# Tokenwarden, español (neutro de Latinoamérica, de "usted", para personas no técnicas).
# Cada id existe también en en/tokenwarden.ftl con las mismas variables.

## Palabras comunes

unknown = desconocido
unknown-name = nombre desconocido
id-of = id { $id }
working = Funciona.
error-prefix = tokenwarden: { $sentence }

## Tiempos

time-just-now = ahora mismo
time-in = en { $span }
time-ago = hace { $span }
span-minutes = { $count ->
    [one] { $count } minuto
   *[other] { $count } minutos
}
span-hours = { $count ->
    [one] { $count } hora
   *[other] { $count } horas
}
span-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
expiry-never = no vence
expiry-in = vence { $when }
expiry-ago = venció { $when }
expiry-unknown = vencimiento desconocido
wait-about-minutes = unos { $count } minutos
wait-a-few-minutes = unos minutos

## Estado, tipos de canal, tipos de token

health-healthy = Funciona
health-attention = Requiere atención
health-broken = No funciona
health-unknown = Sin revisar
kind-facebook-page = Página de Facebook
kind-messenger = Messenger
kind-instagram = Instagram
kind-whatsapp = WhatsApp
token-type-user = Usuario
token-type-page = Página
token-type-app = App
token-type-system-user = Usuario del sistema
check-method-debugger = Depurador de tokens de acceso
check-method-self = Revisión propia (el depurador no estaba disponible)

summary-broken = { $count } no { $count ->
    [one] funciona
   *[other] funcionan
}
summary-attention = { $count ->
    [one] { $count } necesita atención
   *[other] { $count } necesitan atención
}
summary-unknown = { $count } sin revisar
summary-healthy = { $count ->
    [one] { $count } funciona
   *[other] { $count } funcionan
}
summary-none = No hay canales.

## Soluciones (el botón que lleva a cabo cada una)

remedy-renew = Renovar el token
remedy-relogin = Iniciar sesión de nuevo y renovar
remedy-grant-permission = Dar el permiso que falta
remedy-subscribe-webhook = Abrir la configuración del webhook
remedy-clear-checkpoint = Abrir Facebook para pasar el control de seguridad
remedy-restore-page-role = Abrir los roles de la Página
remedy-check-again = Revisar de nuevo
remedy-check-now = Revisar ahora

## Motivos en pocas palabras (una columna de la lista)

short-invalid-token = ya no funciona
short-expired = vencido
short-expires-soon = vence pronto
short-password-changed = contraseña cambiada
short-app-not-installed = app quitada
short-checkpointed = control de seguridad
short-unconfirmed-user = cuenta sin confirmar
short-session-invalidated = sesión cerrada
short-page-role-lost = sin rol en la Página
short-data-access-expired = acceso a datos vencido
short-data-access-expires-soon = acceso a datos vence pronto
short-missing-permission = falta un permiso
short-webhook-not-subscribed = webhook apagado
short-wrong-app = token de otra app
short-wrong-page = token de otra Página
short-rate-limited = en pausa
short-network-error = sin conexión
short-service-error = error de Facebook
short-unchecked = sin revisar
short-already-saved = ya guardado

## Motivos en una oración: qué significa y qué hacer

account-of = la cuenta de { $name }
account-unknown = la cuenta que conectó este canal

reason-invalid-token = Facebook ya no acepta este token (lo revocaron, lo reemplazaron o no es un token real). Consiga un token nuevo para volver a conectar el canal.
reason-expired = El token venció. Consiga un token nuevo para volver a conectar el canal.
reason-expired-on = El token venció el { $date }. Consiga un token nuevo para volver a conectar el canal.
reason-expired-ago = El token venció { $when }. Consiga un token nuevo para volver a conectar el canal.
reason-expires-soon = El token vence pronto. Renuévelo antes para que el canal siga funcionando.
reason-expires-soon-at = El token vence { $when } ({ $date }). Renuévelo antes para que el canal siga funcionando.
reason-password-changed = Se cambió la contraseña de la cuenta que conectó este canal, así que este token dejó de funcionar. Inicie sesión de nuevo para conseguir un token nuevo.
reason-password-changed-who = Se cambió la contraseña de { $who } (o Facebook cerró sus sesiones por seguridad), así que este token dejó de funcionar. Inicie sesión de nuevo para conseguir un token nuevo.
reason-app-not-installed = Se quitó la app de la cuenta que conectó este canal. Inicie sesión de nuevo y permita la app para conseguir un token nuevo.
reason-app-not-installed-who = Se quitó la app de { $who }, o nunca se permitió. Inicie sesión de nuevo y permita la app para conseguir un token nuevo.
reason-checkpointed = Facebook puso un control de seguridad en la cuenta que conectó este canal. Inicie sesión en facebook.com y complete el control; luego consiga un token nuevo.
reason-checkpointed-who = Facebook puso un control de seguridad en { $who }. Inicie sesión en facebook.com y complete el control; luego consiga un token nuevo.
reason-unconfirmed-user = Falta confirmar la cuenta que conectó este canal. Confírmela en facebook.com y luego consiga un token nuevo.
reason-unconfirmed-user-who = Falta confirmar { $who }. Confírmela en facebook.com y luego consiga un token nuevo.
reason-session-invalidated = Se cerró la sesión de la cuenta que conectó este canal. Inicie sesión de nuevo para conseguir un token nuevo.
reason-session-invalidated-who = Se cerró la sesión de { $who } (salió o se revocó). Inicie sesión de nuevo para conseguir un token nuevo.
reason-page-role-lost = La persona que conectó esta Página ya no tiene un rol en ella. Devuélvale su rol en la Página (o pida a alguien que hoy administre la Página que la conecte) y luego consiga un token de Página nuevo.
reason-data-access-expired = Terminó el acceso a datos de 90 días que Facebook da a este token. Inicie sesión de nuevo para renovarlo.
reason-data-access-expired-ago = El acceso a datos de 90 días que Facebook da a este token terminó { $when }. Inicie sesión de nuevo para renovarlo.
reason-data-access-expires-soon = El acceso a datos de 90 días que Facebook da a este token termina pronto. Inicie sesión de nuevo antes de esa fecha.
reason-data-access-expires-soon-at = El acceso a datos de 90 días que Facebook da a este token termina { $when }. Inicie sesión de nuevo antes de esa fecha.
reason-missing-permission = Al token le falta un permiso que este canal necesita. Inicie sesión de nuevo y permítalo.
reason-missing-permission-list = Al token le { $count ->
    [one] falta el permiso
   *[other] faltan los permisos
} { $permissions }, que un canal de { $kind } necesita. Inicie sesión de nuevo y { $count ->
    [one] permítalo
   *[other] permítalos
}.
reason-webhook-not-subscribed = La Página no está suscrita al webhook de la app, así que no llegarán mensajes nuevos. Suscriba la Página de nuevo.
reason-webhook-missing-fields = Al webhook de la Página le { $count ->
    [one] falta el campo
   *[other] faltan los campos
} { $fields }, así que no llegarán mensajes nuevos. Suscríbala de nuevo.
reason-wrong-app = Este token se hizo para otra app, no para la app del canal. Consiga un token de la app del canal.
reason-wrong-app-ids = Este token se hizo para otra app ({ $app }, id { $got }), no para la app del canal (id { $want }). Consiga un token de la app del canal.
reason-wrong-page = Este token es de otra Página, no de la Página de este canal. Consiga el token de la Página correcta.
reason-wrong-page-ids = Este token es de otra Página ({ $page }), no de la Página de este canal (id { $want }). Consiga el token de la Página correcta.
reason-rate-limited = Facebook pidió ir más despacio. Espere unos minutos y revise de nuevo; el token en sí no se evaluó.
reason-rate-limited-at = Facebook pidió ir más despacio ({ $when }). Espere { $wait } y revise de nuevo; el token en sí no se evaluó.
reason-network-error = No se pudo conectar con Facebook. Revise la conexión a internet e intente de nuevo; se muestran los últimos datos conocidos.
reason-network-error-at = No se pudo conectar con Facebook ({ $when }): { $detail }. Revise la conexión a internet e intente de nuevo; se muestran los últimos datos conocidos.
reason-service-error = Los servidores de Facebook tuvieron un problema. No es culpa de su token; intente de nuevo en unos minutos.
reason-service-error-at = Los servidores de Facebook tuvieron un problema ({ $when }): { $detail }. No es culpa de su token; intente de nuevo en unos minutos.
reason-unchecked = Este canal todavía no se ha revisado.
reason-already-saved = Esta Página ya está guardada como un canal de este tipo.

## Errores

error-refused = No se guardó: { $reasons }
error-not-found = Ningún canal se llama ni tiene el id "{ $name }". `tokenwarden list` muestra los canales guardados.
error-graph = No se pudo hacer la revisión: { $detail }. No se cambió nada; revise la conexión a internet e intente de nuevo.
error-internal = Error interno: { $detail }
paste-empty = No se pegó nada. Pegue el token de acceso (suele empezar con "EAA").
paste-login-cancelled = El inicio de sesión se canceló o se rechazó en Facebook ({ $detail }), así que este enlace no trae un token. Inicie sesión de nuevo y permita los permisos que se piden.
paste-url-without-token = Este enlace no trae un token de acceso. Pegue el token solo, o la dirección completa que mostró el navegador después de iniciar sesión (contiene "#access_token=").
paste-json-without-token = Este JSON no tiene el campo "access_token". Pegue el token solo o la respuesta completa que lo contiene.
paste-not-a-token = Esto no parece un token de acceso: { $detail }. Pegue solo el token: una serie larga de letras y números que suele empezar con "EAA".

## Una causa, varios canales

group-message = { $count } canales dejaron de funcionar por un mismo motivo: { $cause }. Un solo inicio de sesión con esa cuenta los renueva todos ({ $names }).
group-cause-password-changed = se cambió la contraseña de la cuenta que los conectó
group-cause-checkpointed = Facebook puso un control de seguridad en la cuenta que los conectó
group-cause-session-invalidated = se cerró la sesión de la cuenta que los conectó en todos lados
group-cause-app-not-installed = se quitó la app de la cuenta que los conectó
group-cause-unconfirmed-user = la cuenta que los conectó no está confirmada
group-cause-data-access = terminó el acceso a datos de la cuenta que los conectó

## La lista (`list`, `check`, `inspect`)

list-empty = Todavía no hay canales guardados. Agregue uno con: tokenwarden add --name NOMBRE --kind messenger < token.txt
list-col-status = ESTADO
list-col-name = NOMBRE
list-col-kind = TIPO
list-col-expiry = VENCIMIENTO
list-col-checked = REVISADO
list-col-reason = MOTIVO
list-checked-failed = falló { $when }
list-checked-never = nunca

## Los datos de un token (`debug`), como los muestra el depurador de tokens de Meta

facts-fingerprint = Huella
facts-app-id = ID de la app
facts-type = Tipo
facts-page-id = ID de la Página
facts-user-id = ID del usuario
facts-issued = Emitido
facts-expires = Vence
facts-never = Nunca
facts-data-access-expires = Vence el acceso a datos
facts-valid = Válido
facts-true = Sí
facts-false = No
facts-scopes = Permisos
facts-granular-scopes = Permisos detallados
facts-all = todos
facts-webhook = Webhook
facts-webhook-subscribed = suscrito: { $fields }
facts-webhook-not-subscribed = no suscrito
facts-error = Error
facts-error-code = { $message } (código { $code })
facts-checked-with = Revisado con

## Línea de comandos

cli-could-not-start = no se pudo iniciar: { $detail }
cli-sim-could-not-start = el simulador no pudo iniciar en el puerto { $port }: { $detail }
cli-login-target = Indique --channel CANAL, o --name, --kind y --page.
cli-unknown-kind = Tipo desconocido: { $kind }. Use uno de estos: { $kinds }.
cli-checks-failed = No se { $failed ->
    [one] pudo hacer { $failed } de { $count }
   *[other] pudieron hacer { $failed } de { $count }
} { $count ->
    [one] revisión
   *[other] revisiones
}; para esos canales se muestran los últimos datos conocidos.
cli-token-fingerprint = token { $fingerprint }
cli-saved = Se guardó { $name } ({ $kind }).
cli-renewed = Se renovó { $name } ({ $kind }).
cli-rolled-back = Se restauró el token anterior de { $name } ({ $kind }).
cli-derived-exchanged = Hecho a partir del inicio de sesión de { $name }: el token propio de la Página, después de convertir el inicio de sesión corto en uno duradero; no vence.
cli-derived-lasting = Hecho a partir del inicio de sesión de { $name }: el token propio de la Página; no vence.
cli-derived-short = Hecho a partir del inicio de sesión de { $name }: el token propio de la Página; termina con el inicio de sesión corto (guarde la clave secreta de la app para evitarlo).
cli-webhook-resubscribed = Se volvió a suscribir la Página al webhook de la app.
cli-old-token-kept = El token anterior se guarda: `tokenwarden rollback { $id }` lo vuelve a poner.
cli-rollback-unchecked = no se pudo revisar el token anterior, así que no se volvió a poner. Para ponerlo sin revisarlo: tokenwarden rollback { $channel } --force
cli-export-done = Se escribió un informe sin datos secretos de { $count ->
    [one] { $count } canal
   *[other] { $count } canales
} en { $path } (no contiene tokens ni claves secretas).
cli-inspect-header = Informe de { $by }, hecho el { $made } (Tokenwarden { $version }). Los plazos se recalculan a la hora actual.
cli-last-errors = Últimos errores de Facebook (indique el id de seguimiento al soporte de Meta):
cli-last-error = { $name } (token { $fingerprint }): { $message } (código { $code }), fbtrace_id { $trace }
cli-not-given = no indicado

## Quitar y cambiar nombres

cli-yes-no = [s/N]
# Además de "y" y "yes": las palabras del idioma para decir sí, separadas por comas.
cli-yes-words = s, si, sí
cli-nothing = nada
cli-nothing-removed = No se quitó nada.
cli-remove-needs-terminal = Para quitar hace falta una confirmación y no hay una terminal donde preguntar. No se quitó nada. Ejecute `{ $command } --yes` para quitar sin preguntar.
cli-remove-channel-question = ¿Quitar { $name } ({ $kind })? Su token se borra de esta computadora; su historial se conserva.
cli-remove-channel-question-both = ¿Quitar { $name } ({ $kind })? Su token y el anterior se borran de esta computadora; su historial se conserva.
cli-removed-channel = Se quitó { $name } ({ $kind }). Se borró del almacén de secretos: { $deleted }.
cli-history-stays = Su historial se conserva: `tokenwarden history { $id }` lo muestra.
cli-token-left-behind = el almacén de secretos no borró el token { $fingerprints }; el canal se quitó de todos modos. Borre la entrada a mano en el llavero del sistema, o ignórela: ya nada la usa.
cli-renamed-channel = Se cambió el nombre de { $before } a { $name }.
cli-no-such-app = Ninguna app guardada tiene el id { $id }. La página Apps de la ventana muestra las apps guardadas.
cli-remove-app-question = ¿Quitar la app { $name } ({ $id })?
cli-remove-app-question-secret = ¿Quitar la app { $name } ({ $id })? Su clave secreta se borra de esta computadora.
cli-removed-app = Se quitó la app { $name } ({ $id }).
cli-removed-app-secret = Se quitó la app { $name } ({ $id }); su clave secreta se borró del almacén de secretos.
cli-renamed-app = La app { $id } ahora se llama { $name }.

## Historial, recordatorios, apps

cli-history-empty = Todavía no hay nada registrado para { $channel }.
cli-history-header = Historial de { $name }, de lo más antiguo a lo más reciente:
cli-notified = aviso enviado: { $title } — { $body }
cli-snoozed = Sin recordatorios para { $name } hasta el { $until }.
cli-reminders-on = Los recordatorios para { $name } están activos de nuevo.
cli-saved-app = Se guardó la app { $name } ({ $id }).
cli-saved-app-secret = Se guardó la app { $name } ({ $id }) con su clave secreta en el almacén de secretos.

## Lectura de tokens y frases de contraseña

input-paste-token = Pegue el token de acceso y presione Enter (no se mostrará):{" "}
input-terminal-unreadable = No se pudo leer de la terminal: { $detail }
input-stdin-unreadable = No se pudo leer la entrada estándar: { $detail }
input-stdin-too-long = La entrada estándar trae más de { $kib } KiB, mucho más que un token o una clave secreta. No se cambió nada. Pase solo el token (por ejemplo: echo "$TOKEN" | tokenwarden …).
input-vault-passphrase = Frase de contraseña de la bóveda:{" "}
# $what es "vault" (la bóveda) o "backup" (la copia de seguridad).
input-new-passphrase = Nueva frase de contraseña { $what ->
    [vault] de la bóveda
   *[other] de la copia de seguridad
}, de al menos { $count } caracteres (no se mostrará):{" "}
input-passphrase-again = La misma frase de contraseña otra vez:{" "}
input-passphrases-differ = Las dos frases de contraseña no coinciden. No se escribió nada; intente de nuevo.
input-passphrase-too-short = La nueva frase de contraseña { $what ->
    [vault] de la bóveda
   *[other] de la copia de seguridad
} es demasiado corta: use al menos { $count } caracteres (unas cuantas palabras son fáciles de recordar y difíciles de adivinar). No se escribió nada.

## Copia de seguridad y restauración

backup-needs-passphrase = Una copia de seguridad necesita una frase de contraseña: ejecute esto en una terminal para escribirla, o defina { $variable } para los scripts.
backup-passphrase-prompt = Frase de contraseña de la copia de seguridad (no se mostrará):{" "}
backup-passphrase-empty = La frase de contraseña no puede estar vacía.
backup-written = Se escribieron { $channels ->
    [one] { $channels } canal
   *[other] { $channels } canales
} y { $apps ->
    [one] { $apps } app
   *[other] { $apps } apps
}, con sus tokens y claves secretas, en { $path } (cifrado con su frase de contraseña).
backup-left-out = { $name } quedó fuera: su token no está en el almacén de secretos (renuévelo y vuelva a hacer la copia).
restore-nothing-to-do = No hay nada que restaurar: este perfil ya tiene todo lo que trae la copia de seguridad.
restore-declined = No se cambió nada. Ejecute de nuevo con --yes para restaurar.
restore-question = ¿Restaurar estos cambios?
restore-done = Restauración: { $added ->
    [one] { $added } agregado
   *[other] { $added } agregados
}, { $replaced ->
    [one] { $replaced } reemplazado
   *[other] { $replaced } reemplazados
}, { $kept ->
    [one] { $kept } conservado
   *[other] { $kept } conservados
} porque el token de este perfil es más nuevo, { $refused } sin restaurar.
restore-check-hint = Ejecute `tokenwarden check` para comprobar que los canales restaurados funcionan.
restore-plan-header = Copia de seguridad { $path }, hecha el { $made } por { $by }:
restore-replace-checked-first = (un token que reemplazaría a uno que hoy funciona se revisa antes con Facebook; si no pasa, ese canal conserva su token)
restore-app-add-secret = agregar la app, con su clave secreta
restore-app-add = agregar la app
restore-app-secret = agregar la clave secreta de la app
restore-app-unchanged = la app ya está aquí
restore-app-refused = no se restaura: su id no es un id de Facebook (solo dígitos); puede que la copia se haya editado o dañado
restore-item-add = agregar:     { $name }, token { $to }
restore-item-replace = reemplazar:  { $name }, token { $from } → { $to } (el anterior se guarda para volver atrás)
restore-item-overwrite-newer = reemplazar:  { $name }, token { $from } → { $to }, aunque el token de este perfil es más nuevo (--overwrite-newer; el anterior se guarda para volver atrás)
restore-item-keep-newer = conservar:   { $name }: el token del perfil es más nuevo ({ $from }; la copia trae { $to }). --overwrite-newer lo reemplaza de todos modos.
restore-item-same = igual:       { $name }, nada que hacer
restore-item-refused = sin restaurar: { $name }

## Importación

import-saved = línea { $line }: se guardó { $name } ({ $kind }), { $health }
import-refused = línea { $line }{ $name }: { $error }
import-summary = { $saved ->
    [one] { $saved } guardado
   *[other] { $saved } guardados
}, { $refused ->
    [one] { $refused } rechazado
   *[other] { $refused } rechazados
}.
import-needs-stdin = import lee los canales de la entrada estándar, un objeto JSON por línea: tokenwarden import < canales.jsonl
import-too-long = La entrada estándar trae más de { $mib } MiB; divida la importación en archivos más pequeños. No se cambió nada.
import-line-too-long = la línea tiene más de { $kib } KiB
import-not-an-object = la línea no es un objeto JSON {"{"}"name": …, "kind": …, "token": …{"}"}
import-not-json = la línea no es JSON válido (columna { $column }); no se leyó nada de ella
import-unknown-field = campo desconocido { $field }; una línea tiene name, kind, token y, si hace falta, app y page
import-missing-field = la línea no tiene "{ $field }"
import-unknown-kind = tipo desconocido; use uno de estos: { $kinds }
import-not-a-string = "{ $field }" debe ser un texto
import-not-an-id = "{ $field }" debe ser un id (un texto de dígitos)
import-not-digits = "{ $field }" debe ser un id (solo dígitos)

## Inicio de sesión con código

login-unknown-kind = Tipo desconocido: { $kind }.
login-open-and-enter = Para iniciar sesión con Facebook, abra { $address } e ingrese este código:
login-message-for-customer = Mensaje para el cliente (listo para enviar o leer en voz alta):
login-ready-message = Abra { $address } en su teléfono o computadora e ingrese el código { $code }. Inicie sesión con la cuenta de Facebook que administra { $page } y luego elija Continuar.
login-browser-failed = (No se pudo abrir el navegador; abra la dirección a mano.)
login-waiting = Esperando su aprobación en Facebook… (Ctrl-C cancela)
login-slow-down = Facebook pidió revisar con menos frecuencia; ahora cada { $count } segundos.
login-logged-in = Sesión iniciada. Preparando el token de la Página…

## Historial

history-added = se agregó el canal con el token { $token }
history-replaced = se reemplazó el token { $from } por { $to }
history-replaced-from-login = se reemplazó el token { $from } por { $to } (el token de Página de un inicio de sesión)
history-replaced-derived = se reemplazó el token { $from } por { $to } (derivado)
history-rolled-back = se volvió del token { $from } al anterior { $to }
history-restored-over = se restauró el token { $to } desde una copia de seguridad, en lugar de { $from }
history-restored = se restauró el canal desde una copia de seguridad, con el token { $to }
history-renamed = se cambió el nombre del canal de { $from } a { $to }
history-removed = se quitó el canal; su token { $token } se borró de esta computadora
history-removed-both = se quitó el canal; su token { $token } y el anterior { $previous } se borraron de esta computadora
history-health = una revisión lo encontró así: { $to } (antes: { $from })
history-health-why = una revisión lo encontró así: { $to } (antes: { $from }): { $why }

## El reloj de la computadora

clock-before-last-check = El reloj de esta computadora marca { $now }, antes de la última revisión ({ $last }). Los plazos y los avisos de vencimiento pueden estar mal hasta que se corrija la hora (active la fecha y hora automáticas).
clock-behind-facebook = El reloj de esta computadora está { $span } atrasado respecto al de Facebook (visto el { $seen }). Los plazos y los avisos de vencimiento pueden estar mal por esa diferencia; active la fecha y hora automáticas.
clock-ahead-of-facebook = El reloj de esta computadora está { $span } adelantado respecto al de Facebook (visto el { $seen }). Los plazos y los avisos de vencimiento pueden estar mal por esa diferencia; active la fecha y hora automáticas.

## Archivos, la carpeta del perfil y el almacén de secretos

action-create-profile-folder = crear la carpeta del perfil
action-look-at-profile-folder = revisar la carpeta del perfil
action-open-history = abrir el historial
action-read-catalog = leer el catálogo
action-read-history = leer el historial
action-read-reminder-state = leer el estado de los recordatorios
action-save-catalog = guardar el catálogo
action-save-reminder-state = guardar el estado de los recordatorios
action-write-history = escribir el historial
action-read-backup = leer la copia de seguridad
action-encrypt-backup = cifrar la copia de seguridad
action-prepare-backup = preparar la copia de seguridad
action-write-backup-to = escribir la copia de seguridad en
store-io = No se pudo { $action } { $path }: { $detail }. Revise que la carpeta exista, que usted pueda escribir en ella y que el disco no esté lleno.
store-corrupt-catalog = El archivo del catálogo { $path } está dañado y no se puede leer ({ $detail }). Tokenwarden no lo cambió. Restáurelo desde una copia de seguridad, o muévalo a otro lugar para empezar con una lista vacía.
store-newer-schema = El archivo del catálogo { $path } lo hizo un Tokenwarden más nuevo (formato { $found }; esta versión lee hasta el { $supported }). Instale el Tokenwarden más nuevo para abrirlo; el archivo no se cambió.
store-lock = No se pudo bloquear { $path } para guardar los cambios con seguridad: { $detail }. Revise que la carpeta del perfil todavía exista y que usted pueda escribir en ella; si está en una unidad de red, elija una carpeta local con --profile.
store-no-profile-dir = No se encontró una carpeta para los datos de Tokenwarden (no se conoce una carpeta personal). Elija una con --profile CARPETA o TOKENWARDEN_PROFILE.
store-unsafe-profile = Tokenwarden no usará { $path }: { $problem }. No se leyó ni se escribió nada. { $fix }
secret-unavailable = El llavero del sistema no está disponible ({ $detail }). Tokenwarden nunca guarda tokens como texto legible. Use la bóveda cifrada: defina TOKENWARDEN_SECRETS=vault (se le pedirá una frase de contraseña).
secret-missing-app = Falta en el almacén de secretos la clave secreta guardada de la app de Meta { $app }; ingrese de nuevo la clave secreta de la app (tokenwarden app add --id { $app } --secret-stdin).
secret-missing-token = Falta en el almacén de secretos el token guardado de este canal (entrada { $entry }); renueve el canal.
secret-wrong-passphrase = La frase de contraseña de la bóveda no es correcta. No se cambió nada.
secret-vault-damaged = No se puede leer la bóveda cifrada: { $detail }. No se cambió nada. Restaure vault.age desde una copia de seguridad, o sáquelo de la carpeta del perfil y guarde sus tokens de nuevo.
secret-no-passphrase = La bóveda cifrada necesita una frase de contraseña. Escríbala cuando se le pida, o defina TOKENWARDEN_VAULT_PASSPHRASE.
secret-keyring = El llavero del sistema rechazó la solicitud: { $detail }. No se cambió nada. Si vuelve a pasar, use la bóveda cifrada: defina TOKENWARDEN_SECRETS=vault.
secret-bad-setting = { $name } tiene el valor "{ $value }", que Tokenwarden no entiende. { $expected }
secret-io = No se pudo leer ni escribir el archivo de secretos { $path }: { $detail }. Revise que la carpeta del perfil exista y que usted pueda escribir en ella.
backup-wrong-passphrase = La frase de contraseña no abre la copia de seguridad { $path }. No se cambió nada. Escriba la frase de contraseña que se eligió al hacer la copia.
backup-damaged = La copia de seguridad { $path } está dañada o incompleta ({ $detail }). No se cambió nada. Copie otra vez el archivo desde donde se guardó, o use otra copia.
backup-newer = La copia de seguridad { $path } la hizo un Tokenwarden más nuevo. No se cambió nada; instale el Tokenwarden más nuevo para restaurarla.
backup-no-passphrase = Una copia de seguridad necesita una frase de contraseña. Escríbala cuando se le pida, o defina TOKENWARDEN_BACKUP_PASSPHRASE para los scripts.
backup-io = No se pudo { $action } { $path }: { $detail }. Revise que la carpeta exista y que usted pueda escribir en ella.
config-bad-url = TOKENWARDEN_GRAPH_URL no es una dirección válida ({ $detail }). Use, por ejemplo, https://graph.facebook.com
config-insecure-host = TOKENWARDEN_GRAPH_URL usa http sin cifrar para { $host }, lo que enviaría los tokens sin cifrar. El http sin cifrar solo se permite para esta computadora (127.0.0.1, ::1, localhost); en los demás casos use https.
config-bad-version = TOKENWARDEN_GRAPH_VERSION debe tener la forma v26.0, no { $value }
config-bad-timeout = TOKENWARDEN_GRAPH_TIMEOUT debe ser un número de segundos entre 1 y 300, no { $value }

## Comunicación con Facebook

graph-api = Facebook respondió: { $message } (código { $code })
graph-timeout = no hubo respuesta en { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
graph-network = no se pudo conectar: { $detail }
graph-http = el servidor respondió HTTP { $status } con { $detail }
graph-bad-body = la respuesta llegó cortada o mal formada ({ $detail })

## Recordatorios

notice-title = { $name }: { $health }

## Por qué lo pegado no es un token

paste-why-spaces = tiene espacios o saltos de línea adentro
paste-why-characters = tiene caracteres que un token nunca tiene
paste-why-too-short = es demasiado corto
paste-why-partial-json = empieza como JSON pero no es un JSON completo

## La guía de renovación (`guide`)

guide-heading = Cómo renovar el token de { $name } ({ $kind })
guide-mark-done = [hecho]
guide-mark-first-fix = [resolver primero]
guide-before-this = Antes de esto: { $why }.
# $owner es "whatsapp" o "page".
guide-owner-with-id = { $owner ->
    [whatsapp] la cuenta de WhatsApp Business
   *[other] la Página
} con id { $id }
guide-owner-unknown = { $owner ->
    [whatsapp] la cuenta de WhatsApp Business
   *[other] la Página
} del canal
guide-app-named = la app { $app }
guide-app-unknown = la app que usa este canal
guide-app-suffix = , app { $app }
guide-check-title = Revisar el token
guide-check-detail = Tokenwarden todavía no ha revisado { $channel }. Elija Revisar para saber si hay que renovarlo.
guide-wrong-title = Ver qué está mal
guide-wrong-detail = Tokenwarden revisó el token de { $channel }: { $reason }
guide-works-title = Funciona
guide-works-detail = Tokenwarden revisó el token de { $channel }: funciona y no hay nada que hacer por ahora. Si alguna vez hay que renovarlo, estos son los pasos.
guide-clear-check-title = Pasar el control de seguridad de la cuenta
guide-clear-check-detail = { $reason } Mientras no se haga, no se puede crear un token nuevo.
guide-role-back-title = Devolver el rol en la Página
guide-role-back-detail = { $reason } Esto lo hace alguien que administre la Página, en la configuración de la Página.
guide-login-code-title = Lo más fácil: renovar con un código de inicio de sesión
guide-login-code-detail = En Tokenwarden elija Renovar en { $channel } y luego Iniciar sesión con Facebook. Tokenwarden muestra un código y un mensaje listo para leer o enviar a la persona que administra { $page }: esa persona abre facebook.com/device en su teléfono, ingresa el código e inicia sesión. Tokenwarden crea el token de la Página y lo revisa antes de guardarlo. Si esto funciona, ya terminó; los pasos siguientes son la forma manual.{ $terminal }
guide-login-code-terminal = {" "}El equipo de soporte también puede ejecutar: tokenwarden login --app { $app } --channel "{ $channel }"
guide-explorer-title = Abrir el Explorador de la API Graph
guide-explorer-detail = Inicie sesión en developers.facebook.com con una cuenta que administre { $page } y abra el Explorador de la API Graph (Graph API Explorer). A la derecha, elija { $app }.
guide-generate-for-page-title = Generar un token nuevo para { $page }
guide-page-token-detail = En "User or Page" (Usuario o Página), elija Get Page Access Token (obtener token de acceso a la Página), marque los permisos { $perms }, haga clic en Generate Access Token (generar token de acceso) y permítalo. Luego elija { $page } en la misma lista y copie el token que aparece.
guide-messenger-title = Abrir la configuración de Messenger de la app
guide-messenger-detail = Inicie sesión en developers.facebook.com con una cuenta que administre { $page }, abra { $app } y vaya a Messenger y luego a Configuración.
guide-messenger-token-detail = En Tokens de acceso, busque { $page } y haga clic en Generar token, permita los permisos que pide ({ $perms }) y copie el token. Revise que los campos del webhook messages y messaging_postbacks estén marcados para la Página.
guide-instagram-title = Abrir la configuración de Instagram de la app
guide-instagram-detail = Inicie sesión en developers.facebook.com con una cuenta que administre { $page } y su cuenta profesional de Instagram vinculada, abra { $app } y vaya a Instagram y luego a Configuración de la API.
guide-instagram-token-title = Generar un token nuevo para la cuenta de Instagram
guide-instagram-token-detail = Busque la cuenta profesional de Instagram vinculada a { $page } y haga clic en Generar token. Permita los permisos que pide ({ $perms }) y copie el token. Si la cuenta no aparece, vincúlela primero a { $page } en la configuración de la Página.
guide-system-users-title = Abrir Usuarios del sistema en la configuración del negocio
guide-system-users-detail = Inicie sesión en business.facebook.com con alguien que administre el negocio dueño de la cuenta de WhatsApp, abra Configuración del negocio, luego Usuarios y luego Usuarios del sistema.
guide-system-user-token-title = Generar un token de usuario del sistema
guide-system-user-token-detail = Elija el usuario del sistema que usa este canal y haga clic en Generar nuevo token. Elija { $app }, configure el token para que no venza, marque { $perms } y haga clic en Generar; luego copie el token. El usuario del sistema debe tener asignada { $page } (Asignar activos).
guide-paste-title = Péguelo en Tokenwarden: Renovar en { $channel }
guide-paste-page-detail = Tokenwarden también acepta la dirección completa que aparece después de iniciar sesión, o el token de Usuario de un inicio de sesión, y lo convierte en el token de la Página.
guide-paste-system-user-detail = Pegue el token del usuario del sistema; Tokenwarden lo revisa antes de guardar nada.
guide-validate-title = Validar
guide-validate-whatsapp-detail = El token nuevo debe mostrar Valid: True (válido), Expires: Never (no vence){ $app_suffix }, con whatsapp_business_messaging y whatsapp_business_management. Tokenwarden rechaza un token que no funciona, el de otro negocio o el de otra app.
guide-validate-page-detail = El token nuevo debe mostrar Valid: True (válido), Página { $page }{ $app_suffix }. Tokenwarden rechaza un token que no funciona, el de otra Página o el de otra app.
guide-save-title = Guardar: solo se actualiza este canal
guide-save-detail = El token anterior se conserva; Volver atrás, en los detalles del canal, lo vuelve a poner.
guide-messages-title = Comprobar que llegan los mensajes
guide-messages-whatsapp-detail = { $page } debe tener la app entre sus apps suscritas; si no, los mensajes de WhatsApp dejan de llegar.
guide-messages-instagram-detail = { $page } debe estar suscrita al webhook de la app con el campo messages; si no, los mensajes de Instagram dejan de llegar después de la renovación.
guide-messages-messenger-detail = { $page } debe estar suscrita al webhook de la app con el campo messages; si no, Messenger deja de recibir mensajes después de la renovación.
guide-block-account-check = primero hay que pasar el control de seguridad de la cuenta en facebook.com
guide-block-page-role = alguien con un rol en la Página debe conectarla
guide-block-app-unknown = no se conoce la app del canal: agréguela en Apps
guide-block-whatsapp-webhook = la app no está entre las apps suscritas de la cuenta de WhatsApp: suscríbala en la configuración de WhatsApp de la app
guide-block-page-webhook = la Página no está suscrita: use Suscribir webhook después de guardar

## Páginas del portal de Meta

link-token-debugger = Depurador de tokens de acceso
link-app-dashboard = Panel de la app
link-your-apps = Sus apps
link-messenger-settings = Configuración de Messenger de la app
link-instagram-settings = Configuración de Instagram de la app
link-whatsapp-settings = Configuración de WhatsApp de la app
link-app-permissions = Permisos de la app
link-your-pages = Sus Páginas
link-page-settings = Configuración de la Página
link-business-integrations = Integraciones comerciales de su cuenta de Facebook
link-system-users = Usuarios del sistema en la configuración del negocio
link-device-login = Página de Facebook para ingresar códigos
link-graph-explorer = Explorador de la API Graph
link-meta-status = Estado de la plataforma de Meta
link-security-check-help = Ayuda del control de seguridad de Facebook
link-page-roles-help = Ayuda: administrar los roles de la Página

## La ayuda de la línea de comandos (`--help`)

help-root = Mantiene vivos los tokens de acceso de sus canales de Facebook, Messenger, Instagram y WhatsApp.
help-root-after = Sin un comando, se abre la aplicación de escritorio. Los tokens se leen de la entrada estándar, nunca de la línea de comandos.
help-root-arg-profile = Usar esta carpeta de perfil en lugar de la predeterminada (también TOKENWARDEN_PROFILE)
help-root-arg-demo = Abrir la aplicación de escritorio en un perfil desechable con un Facebook simulado incluido
help-root-arg-verbose = Mostrar también el registro en la salida de errores (siempre se guarda en la carpeta logs/ del perfil)
help-list = Canales guardados con su último estado conocido (no necesita internet)
help-check = Revisa en línea todos los canales (o uno) y guarda el resultado
help-check-arg-channel = Id o nombre exacto del canal; todos los canales si se omite
help-check-arg-notify = Mostrar un aviso de escritorio por cada canal que dejó de funcionar o necesita atención desde el último aviso (para cron, launchd o el Programador de tareas). Revisa todos los canales
help-check-arg-lead-days = Con --notify: avisar estos días antes de que venza un token (por omisión: la configuración, 7 días)
help-debug = Muestra los datos de depuración de un token leído de la entrada estándar; no guarda nada
help-debug-arg-kind = Evaluar el token como el de este tipo de canal
help-add = Valida el token de la entrada estándar y lo guarda como un canal nuevo
help-add-arg-kind = facebook_page, messenger, instagram o whatsapp
help-add-arg-page = El id de la Página, cuando el token pegado es de una persona (token de Usuario): se usa el token de su Página
help-import = Agrega muchos canales: líneas JSON en la entrada estándar, un {"{"}"name", "kind", "app", "page", "token"{"}"} por canal (app y page opcionales, como en add). Cada token se valida como en add; las líneas con problemas se rechazan indicando su número y las demás se guardan; al final, un resumen
help-renew = Valida el token de la entrada estándar para el canal y reemplaza su token
help-renew-arg-accept-warnings = Guardar aunque el token funcione pero necesite atención (vence pronto, falta el webhook)
help-renew-arg-subscribe-webhook = Volver a suscribir la Página al webhook de la app si la renovación la deja sin suscripción
help-renew-arg-group = Con el token de una persona (token de Usuario): renovar con este mismo inicio de sesión todos los canales que dejaron de funcionar por la misma causa de la misma persona (por ejemplo, un cambio de contraseña)
help-login = Inicia sesión con Facebook (código de dispositivo) y luego renueva un canal o agrega uno nuevo
help-login-arg-channel = El canal que se renueva
help-login-arg-group = Renovar también todos los canales que dejaron de funcionar por la misma causa de la misma persona
help-login-arg-name = Nombre de un canal nuevo para agregar (con --kind y --page)
help-login-arg-no-browser = Solo mostrar la dirección y el código; no abrir el navegador
help-guide = Guía paso a paso para renovar un canal, para seguirla o enviarla a un cliente (no contiene ningún token)
help-rollback = Restaura el token anterior del canal después de comprobar en línea que todavía funciona para el canal
help-rollback-arg-force = Ponerlo sin revisarlo (sin conexión, o a propósito)
help-remove = Quita un canal: sus tokens se borran del almacén de secretos y su historial se conserva
help-remove-arg-channel = Id o nombre exacto del canal
help-remove-arg-yes = Quitar sin preguntar (necesario cuando no se ejecuta en una terminal)
help-rename = Le da otro nombre a un canal
help-rename-arg-channel = Id o nombre exacto del canal
help-app = Las apps de Meta a las que pertenecen los canales
help-app-add = Guarda una app de Meta. Con --secret-stdin, la clave secreta se lee de la entrada estándar
help-app-add-arg-secret-stdin = Leer la clave secreta de la app de la entrada estándar (se guarda en el almacén de secretos)
help-app-add-arg-client-token = El token de cliente de la app (Configuración > Avanzada); no es un secreto
help-app-remove = Quita una app guardada y su clave secreta; se rechaza mientras un canal la use
help-app-remove-arg-yes = Quitar sin preguntar (necesario cuando no se ejecuta en una terminal)
help-app-rename = Le da otro nombre a una app guardada
help-export = Escribe un informe sin datos secretos (sin tokens ni claves secretas) para soporte
help-inspect = Muestra un informe hecho con `export`, con los plazos recalculados a la hora actual
help-backup = Escribe todas las apps, canales y tokens en un archivo protegido con una frase de contraseña (se pide dos veces, o TOKENWARDEN_BACKUP_PASSPHRASE)
help-restore = Restaura una copia de seguridad: muestra lo que va a agregar o cambiar y lo aplica cuando se confirma
help-restore-arg-yes = Aplicar sin preguntar
help-restore-arg-overwrite-newer = Reemplazar también los tokens guardados en este perfil después de hacer la copia
help-history = Lo que le pasó a un canal: agregado, reemplazado, vuelto atrás, restaurado, cambios de estado
help-snooze = Sin recordatorios para un canal durante algunos días
help-snooze-arg-off = Volver a activar los recordatorios del canal
help-sim = Ejecuta solo el simulador de la API Graph (capacitación, pruebas)
# Las palabras propias de clap: la plantilla, los títulos y las opciones de ayuda y versión.
help-template = {"{"}about-with-newline{"}"}
    Uso: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Comandos
help-heading-arguments = Argumentos
help-heading-options = Opciones
help-flag-help = Mostrar la ayuda
help-flag-version = Mostrar la versión

## gui-failures
gui-browser-not-opened = Su navegador no se abrió. Copie este enlace:
gui-copy-link = Copiar el enlace
gui-folder-not-opened = La carpeta del perfil no se abrió. Su ubicación aparece en Perfil: cópiela en su explorador de archivos.
gui-vault-forget-warning = Si olvida esta frase de contraseña, los tokens de la bóveda se pierden: nadie puede abrirla sin ella, ni siquiera Tokenwarden. Anótela en un lugar seguro y, cuando haya agregado sus canales, haga una copia de seguridad (Configuración > Copia de seguridad…).
gui-vault-creating = Creando la bóveda… esto tarda unos segundos.
gui-vault-opening = Abriendo la bóveda… esto tarda unos segundos.
gui-vault-create-button = Crear la bóveda…
gui-no-file-dialog-save = Este equipo no tiene un cuadro de diálogo de archivos para mostrar. Escriba dónde guardar el archivo (la carpeta debe existir):
gui-no-file-dialog-open = Este equipo no tiene un cuadro de diálogo de archivos para mostrar. Escriba dónde está el archivo:
gui-file-path = Archivo
gui-file-save-here = Guardar aquí
gui-file-open = Abrir este archivo
gui-saving = Guardando… puede tardar unos segundos.
gui-backup-writing = Protegiendo la copia de seguridad… esto tarda unos segundos.
gui-restore-working = Trabajando con la copia de seguridad… esto tarda unos segundos.
## gui-first-run
first-run-title = Primeros pasos
first-run-intro = Tres pasos, y Tokenwarden vigila sus tokens y le avisa antes de que uno deje de funcionar.
first-run-app-title = 1. Su app de Meta
first-run-app-what = Sus tokens se crean con una app de Meta, que usted o su desarrollador crearon en developers.facebook.com. Ábrala allí: su identificador (App ID) y su clave secreta (App secret) están en Configuración de la app > Básica (la clave aparece al pulsar "Mostrar"). Luego guárdelos aquí, en la página Apps.
first-run-app-open = Abrir sus apps en Meta
first-run-app-add = Guardar la app aquí…
first-run-channel-title = 2. Agregue un canal
first-run-channel-what = Un canal es la conexión de Messenger, Instagram o WhatsApp de una página, con su token. Pegue el token: Tokenwarden lo comprueba con Facebook antes de guardarlo.
first-run-channel-add = Agregar el primer canal…
first-run-check-title = 3. Revise
first-run-check-what = Pregunte a Facebook si cada token funciona y cuándo vence.
first-run-check-now = Revisar los tokens ahora
first-run-done = Listo
first-run-to-do = Pendiente
first-run-all-set = Todo listo: Tokenwarden revisa sus tokens y le avisa antes de que uno deje de funcionar.
first-run-hide = Ocultar esta lista
