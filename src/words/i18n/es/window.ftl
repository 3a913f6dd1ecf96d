### window: español latinoamericano neutro

## La barra superior y los avisos

top-demo = demostración: no se guarda nada
top-demo-hover = Los tokens solo están en la memoria y se pierden al cerrar la ventana
page-channels = Canales
page-apps = Apps
page-settings = Ajustes
top-add-channel = Agregar canal…
top-checking = Revisando { $done } de { $total }…
top-cancel = Cancelar
top-check-all = Revisar todo
top-check-all-hover = Preguntar ahora a Facebook por el token de cada canal
banner-opening = Abriendo sus canales…
banner-clock-title = Las cuentas regresivas pueden estar mal
banner-offline-network = No se pudo conectar con Facebook: se muestran los últimos datos conocidos.
banner-advice-network = Revise la conexión a internet y vuelva a revisar.
banner-offline-rate-limited = Facebook pidió ir más despacio: se muestran los últimos datos conocidos.
banner-advice-rate-limited = Espere unos minutos y vuelva a revisar.
banner-offline-service = Los servidores de Facebook tuvieron un problema: se muestran los últimos datos conocidos.
banner-advice-service = No es culpa de sus tokens; inténtelo de nuevo en unos minutos.
banner-not-checked = { $count ->
    [one] No se pudo revisar { $count } canal.
   *[other] No se pudieron revisar { $count } canales.
} { $advice }
banner-team-offline = Sin conexión: no se puede conectar con el servidor del espacio de trabajo del equipo.
banner-team-offline-text = Ve los canales como estaban el { $when }. No se puede revisar ni cambiar nada hasta que el servidor vuelva; Tokenwarden se vuelve a conectar solo.
banner-team-try-again = Intentar de nuevo
banner-team-viewer = Usted es observador en este espacio de trabajo del equipo: ve el estado y el historial de cada canal. Revisar, renovar y agregar canales les corresponde a los renovadores.
top-blocked-offline = No mientras no se pueda conectar con el servidor del espacio de trabajo del equipo.
top-blocked-viewer = Los observadores ven el estado y el historial; un renovador del espacio de trabajo del equipo revisa y agrega canales.
banner-locked = El almacén de secretos está bloqueado: puede ver los datos guardados, pero no revisar ni renovar.
banner-dismiss = Cerrar

## La lista

list-summary-hover = Cuántos canales hay en cada estado
list-no-match = Ningún canal coincide con estos filtros.
list-show-all = Mostrar todos los canales
list-search = Buscar
list-search-hint = Nombre del canal
list-kind = Tipo
list-all-kinds = Todos los tipos
list-all = Todos ({ $count })
list-filter-broken = Mostrar solo los canales que no funcionan
list-filter-attention = Mostrar solo los canales que requieren atención
list-filter-unknown = Mostrar solo los canales sin revisar
list-filter-healthy = Mostrar solo los canales que funcionan
list-empty-title = Todavía no hay canales
list-empty-text = Agregue los canales de Página de Facebook, Messenger, Instagram o WhatsApp cuyos tokens usted cuida. Tokenwarden le avisará antes de que uno deje de funcionar.
list-empty-add = Agregar un canal…
list-working = Funciona. No hay nada que hacer.
list-check-failed = la revisión falló { $when }
list-checked = revisado { $when }
list-never-checked = nunca revisado
mark-present = Está
mark-missing = Falta
mark-unknown = Se desconoce

## Los datos de un token en los detalles

fact-app = App
fact-page = Página
fact-user = Usuario
fact-permissions = Permisos
fact-yes = Sí
fact-no = No
fact-none = ninguno
webhook-not-needed = no hace falta para este tipo de canal
webhook-app-not-subscribed = la app no está suscrita a la Página
webhook-no-fields = suscrito, sin campos

## Los detalles de un canal

details-last-check-failed = La última revisión falló ({ $when }): estos son los últimos datos conocidos.
details-works = El token de este canal funciona. No hay nada que hacer.
details-subscribe-webhook = Suscribir la Página al webhook
details-renew = Renovar el token…
details-checking = Revisando…
details-copy-token = Copiar el token
details-copy-token-hover = Para soporte: copia el token; el portapapeles se vacía a los 30 s
details-guide = Guía
details-guide-hover = La renovación paso a paso para este canal, para seguirla o enviarla
details-copied = Copiado: se borra en { $seconds } s
details-rename = Cambiar nombre…
details-rename-hover = Darle otro nombre a este canal; su token no cambia
details-remove = Quitar…
details-remove-hover = Borrar este canal y sus tokens de esta computadora
details-token-facts = Datos del token
details-not-checked-yet = Todavía sin revisar: los datos aparecen después de la primera revisión.
details-checked-with = Revisado con: { $method }
details-checked-at = Revisado: { $when }
details-self-check = Sin la clave secreta de la app no se pueden saber algunos datos; aparecen como desconocidos.
details-granular = Permisos detallados (permiso: las Páginas o cuentas que cubre)
details-ready = Listo para recibir mensajes
details-permissions-needed = Permisos que necesita este tipo de canal:
details-webhook-fields = Campos del webhook que deben estar suscritos:
details-webhook = Webhook: { $state }
details-token-history = Historial del token
details-current-token = Token actual: { $fingerprint } (guardado { $saved })
details-previous-token = Token anterior: { $fingerprint } (guardado { $saved })
details-rollback = Volver al anterior
details-rollback-hover = Volver a usar el token anterior (antes se le pregunta a Facebook)
details-rollback-dead = No disponible: Facebook dijo que el token anterior ya no funciona, así que volver a él dañaría el canal. Mejor renueve el token.
details-no-previous = No hay un token anterior: nunca se renovó aquí.
details-fingerprints = Las huellas permiten que dos personas comparen tokens sin mostrarlos.
details-open-in-browser = Abrir en el navegador
details-history = Historial
details-history-reading = Leyendo el historial…
details-history-nothing = Todavía no hay nada registrado.
details-history-unreadable = No se pudo leer el historial: { $detail }
technical-title = Detalles
technical-intro = Para soporte: los códigos detrás de las palabras de arriba.
technical-channel-id = Id del canal: { $id }
technical-reason = Motivo: { $reason } (solución: { $remedy })
technical-token-error = Error del token
technical-check-error = Error de la revisión
technical-check-failed = La última revisión falló ({ $kind }) el { $when }: { $detail }
technical-code = código { $code }
technical-code-subcode = código { $code }, subcódigo { $subcode }

## Un informe de soporte abierto solo para leer

report-banner = Informe de { $by }, hecho el { $made }; solo lectura, con las cuentas regresivas calculadas a hoy
report-title = Informe de soporte
report-close = Cerrar el informe
report-read-only = Esto es lo que sabía la computadora del informe. No contiene tokens, así que desde aquí no se puede revisar ni renovar nada.
report-token = Token

## Recordatorios

snooze-until = Recordatorios pausados hasta { $until }
snooze-off = Reanudar
snooze-off-hover = Volver a recordarme este canal desde ahora
snooze-label = Recordatorios:
snooze-days = { $count ->
    [one] Pausar { $count } día
   *[other] Pausar { $count } días
}
snooze-hover = Sin avisos de escritorio sobre este canal por un tiempo
reminders-title = Recordatorios
reminders-intro = Mientras Tokenwarden está abierto, revisa cada canal según un horario y muestra un aviso en el escritorio cuando uno deja de funcionar o requiere atención.
reminders-interval = Revisar cada (horas)
reminders-lead = Avisar antes del vencimiento (días)
reminders-save = Guardar los recordatorios
reminders-snooze-note = En los detalles de un canal se pueden pausar sus recordatorios por un día o una semana.

## Ajustes

settings-report = Informe de soporte
settings-report-text = Un informe con los datos, motivos y huellas de cada canal para quien le ayude. Nunca contiene un token ni una clave secreta.
settings-export-report = Exportar informe…
settings-open-report = Abrir informe…
settings-open-report-hover = Ver, solo para leer, un informe que alguien le envió
settings-backup = Copia de seguridad y restauración
settings-backup-text = Lleve sus canales, apps y tokens a otra computadora, o entrégueselos a alguien, en un solo archivo protegido con una frase de contraseña.
settings-back-up = Hacer copia de seguridad…
settings-restore = Restaurar una copia de seguridad…
settings-profile = Perfil
settings-not-opened = sin abrir
settings-profile-text = Sus canales y sus últimos datos conocidos se guardan en esta carpeta:
settings-profile-no-token = No guarda ningún token a la vista: los tokens están en el almacén de secretos de abajo.
settings-open-folder = Abrir la carpeta del perfil
settings-store = Almacén de secretos
settings-store-unlocked = { $store }: desbloqueado
settings-store-keyring = Llavero del sistema
settings-store-vault = Bóveda cifrada
settings-store-workspace = Espacio de equipo
settings-store-memory = Memoria (demostración)
settings-store-keyring-text = Los tokens los guarda el llavero de su sistema (Llavero, Administrador de credenciales o Secret Service).
settings-store-vault-text = Los tokens se guardan en vault.age, en la carpeta del perfil, cifrados con su frase de contraseña.
settings-store-workspace-text = Los tokens están sellados para quienes renuevan en su espacio de equipo; solo sus propias claves los abren.
settings-store-memory-text = Los tokens solo están en la memoria y se pierden al cerrar la ventana (demostración).
settings-store-locked = Bloqueado: los canales se pueden ver, pero no revisar ni renovar.
settings-store-opening = Abriendo…
settings-language = Idioma
settings-language-system = Idioma del sistema
settings-appearance = Apariencia
settings-theme-system = Igual que el sistema
settings-theme-light = Claro
settings-theme-dark = Oscuro
settings-about = Acerca de
settings-about-text = Tokenwarden { $version }: mantiene vivos los tokens de acceso de sus canales.

## La página de apps

apps-secret-hint = opcional, se guarda en el almacén de secretos
apps-intro = Las apps de Meta con las que se hicieron los tokens de sus canales. Con la clave secreta de una app, Tokenwarden revisa los tokens como lo hace el depurador de tokens de acceso de Meta.
apps-none = Todavía no hay ninguna app guardada.
apps-id = Id de la app { $id }
apps-secret-saved = Clave secreta de la app guardada en el almacén de secretos
apps-no-secret = Sin clave secreta guardada: algunos datos solo los puede revisar el propio token
apps-client-token-is = Token de cliente { $token }
apps-remove = Quitar…
apps-remove-hover = Borrar esta app y su clave secreta de esta computadora
apps-rename = Cambiar nombre…
apps-dashboard = Abrir el panel de la app
apps-add = Agregar una app
apps-add-where = Los encuentra en el panel de la app en developers.facebook.com, en Configuración > Básica (clave secreta) y Configuración > Avanzada (token de cliente).
apps-field-id = Id de la app
apps-field-id-hint = p. ej. 1000000000001
apps-field-name = Nombre
apps-field-name-hint = p. ej. Soporte Acme
apps-field-secret = Clave secreta
apps-field-client-token = Token de cliente
apps-field-client-token-hint = opcional, para iniciar sesión con un código
apps-save = Guardar la app
apps-checking = Revisando la app con Facebook…

## La guía de renovación

guide-title = Cómo renovar "{ $name }"
guide-close = Cerrar
guide-intro = Paso a paso, para el tipo, la app y la cuenta de este canal. Copie los pasos para enviárselos a la persona que lo administra; no contienen ningún token.
guide-copy = Copiar los pasos
guide-copy-hover = Copia los pasos como texto; no contienen ningún token
guide-first-fix = Primero arreglar
guide-first-fix-why = Primero hay que arreglar esto: { $why }.
guide-open-link = Abrir { $link }

## Todos los diálogos

dialog-close-label = Cerrar este diálogo

## Campos secretos y la caja del token

secret-show = Mostrar
secret-hide = Ocultar
secret-show-hover = Mostrar u ocultar el texto
secret-passphrases-differ = Las dos frases de contraseña no son iguales.
secret-passphrase-short = Use al menos { $count } caracteres.
token-paste-hint = Pegue aquí el token (casi siempre empieza con EAA)
token-validate = Validar
token-paste-first = Primero pegue un token
token-checking = Revisando con Facebook…
token-cannot-save = Este token no se puede guardar:
token-not-saved = No se guardó:

## Avisos

notice-worker-stopped = El trabajo en segundo plano de Tokenwarden se detuvo. Cierre y vuelva a abrir la ventana; sus canales guardados no se ven afectados.
notice-check-cancelled = Se canceló la revisión. Los canales que no se alcanzaron conservan sus últimos datos conocidos.
notice-renewed = El token nuevo de "{ $name }" se guardó y se está revisando. El anterior se conserva: "Volver al anterior", en los detalles del canal, lo vuelve a poner.
notice-saved = "{ $name }" se guardó.
notice-pages-saved = { $count ->
    [one] { $names } se guardó.
   *[other] Se guardaron { $count } canales: { $names }.
}
notice-app-saved = La app "{ $name }" se guardó.
notice-report-saved = El informe se guardó en { $path }. No contiene tokens ni claves secretas.
notice-webhook-still-off = Facebook aceptó la suscripción de "{ $name }", pero a la Página todavía le falta el campo messages. Abra la configuración del webhook de la app y revise que la Página esté seleccionada allí.
notice-webhook-on = La Página de "{ $name }" está suscrita al webhook: los mensajes vuelven a llegar.
notice-reminders-saved = Se guardaron los recordatorios.
notice-rolled-back = El token anterior de "{ $name }" está otra vez en uso. Facebook confirmó que todavía funciona; el token reemplazado se conserva, así que puede volver a cambiarlo.
notice-group-app-unknown = No se sabe qué app usan estos canales, así que Tokenwarden no puede iniciar sesión por ellos. Renuévelos uno por uno.
notice-copied = Copiado.
lock-unlock = Desbloquear…

## Archivos, el portapapeles, el navegador, una segunda ventana

file-save-report = Guardar el informe de soporte
file-open-report = Abrir un informe de soporte
file-save-backup = Guardar la copia de seguridad
file-open-backup = Abrir una copia de seguridad
file-filter-report = Informe de Tokenwarden
file-filter-backup = Copia de seguridad de Tokenwarden
instance-already-open = Tokenwarden ya está abierto para este perfil. Cambie a esa ventana.
clipboard-unavailable = El portapapeles no está disponible aquí.
clipboard-unavailable-why = El portapapeles no está disponible aquí ({ $detail }).
clipboard-not-copied = No se pudo copiar al portapapeles ({ $detail }).
browser-refused-token = No se abrió una dirección que contiene un token.

## El trabajo en segundo plano

done-channel-removed = "{ $name }" se quitó y sus tokens se borraron de esta computadora. Su historial se conserva.
done-channel-renamed = El canal ahora se llama "{ $name }".
done-app-removed = La app "{ $name }" se quitó.
done-app-renamed = La app ahora se llama "{ $name }".
worker-could-not-start = Tokenwarden no pudo iniciar su trabajo en segundo plano: { $detail }
worker-wrong-passphrase = Esa frase de contraseña no abre la bóveda. Revísela (las mayúsculas cuentan) e inténtelo de nuevo.
worker-demo-failed = La demostración no pudo iniciar: { $detail }
window-could-not-open = no se pudo abrir la ventana ({ $detail }). La línea de comandos sigue funcionando: vea `tokenwarden --help`.
instance-ok = Aceptar
# Los filtros de estado sobre la lista (una forma corta del nombre del estado).
list-chip-broken = No funciona
list-chip-attention = Atención
list-chip-unknown = Sin revisar
list-chip-healthy = Funciona

# Cómo se entendió el texto pegado (cuadro del token, en vivo).
paste-source-plain = Parece un token de acceso.
paste-source-bearer = Parece un encabezado de autorización: se encontró el token.
paste-source-redirect = Parece una dirección de regreso del inicio de sesión: se encontró el token.
paste-source-json = Parece una respuesta con un token: se encontró el token.
